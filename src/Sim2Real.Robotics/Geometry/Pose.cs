namespace Sim2Real.Robotics.Geometry;

/// <summary>A rigid transform: position and orientation of a frame in its parent (or the world).</summary>
public readonly record struct Pose(Vec3 Position, Quat Orientation)
{
    public static Pose Identity => new(Vec3.Zero, Quat.Identity);

    /// <summary>This pose followed by <paramref name="child"/>, expressed in this pose's parent.</summary>
    public Pose Compose(Pose child) =>
        new(Position + Orientation.Rotate(child.Position), Orientation * child.Orientation);

    /// <summary>A point given in this frame, expressed in the parent.</summary>
    public Vec3 Transform(Vec3 point) => Position + Orientation.Rotate(point);
}
