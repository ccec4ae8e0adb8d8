using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/Twist: Linear and angular velocity.</summary>
public sealed record Twist : IRosMessage<Twist>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "Twist");

    public Vector3 Linear { get; init; } = new();

    public Vector3 Angular { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Linear.Write(writer);
        Angular.Write(writer);
    }

    public static Twist Read(ref CdrReader reader) => new()
    {
        Linear = Vector3.Read(ref reader),
        Angular = Vector3.Read(ref reader),
    };
}
