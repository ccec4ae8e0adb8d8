using Sim2Real.Robotics.Geometry;

namespace Sim2Real.Robotics.Observations;

/// <summary>
/// A floating base's state as nav_msgs/Odometry carries it: pose in the world (odom) frame, linear velocity in the
/// world frame, angular velocity in the base frame. (Odometry's twist is in child_frame_id; the runtime rotates the
/// linear part into the world frame when it fills this.)
/// </summary>
public readonly record struct BaseState(Pose Pose, Vec3 LinearVelocityWorld, Vec3 AngularVelocityBase)
{
    public static BaseState AtRest => new(Pose.Identity, Vec3.Zero, Vec3.Zero);
}
