using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/Wrench: A force (N) and a torque (N m).</summary>
public sealed record Wrench : IRosMessage<Wrench>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "Wrench");

    public Vector3 Force { get; init; } = new();

    public Vector3 Torque { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Force.Write(writer);
        Torque.Write(writer);
    }

    public static Wrench Read(ref CdrReader reader) => new()
    {
        Force = Vector3.Read(ref reader),
        Torque = Vector3.Read(ref reader),
    };
}
