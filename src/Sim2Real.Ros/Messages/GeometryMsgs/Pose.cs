using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/Pose: A position and orientation.</summary>
public sealed record Pose : IRosMessage<Pose>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "Pose");

    public Point Position { get; init; } = new();

    public Quaternion Orientation { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Position.Write(writer);
        Orientation.Write(writer);
    }

    public static Pose Read(ref CdrReader reader) => new()
    {
        Position = Point.Read(ref reader),
        Orientation = Quaternion.Read(ref reader),
    };
}
