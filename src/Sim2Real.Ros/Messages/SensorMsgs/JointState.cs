using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>sensor_msgs/msg/JointState: Positions, velocities and efforts of named joints.</summary>
public sealed record JointState : IRosMessage<JointState>
{
    public static RosTypeName TypeName { get; } = new("sensor_msgs", "JointState");

    public Header Header { get; init; } = new();

    public string[] Name { get; init; } = [];

    public double[] Position { get; init; } = [];

    public double[] Velocity { get; init; } = [];

    public double[] Effort { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.StringSequence(Name);
        writer.Float64Sequence(Position);
        writer.Float64Sequence(Velocity);
        writer.Float64Sequence(Effort);
    }

    public static JointState Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Name = reader.StringSequence(),
        Position = reader.Float64Sequence(),
        Velocity = reader.Float64Sequence(),
        Effort = reader.Float64Sequence(),
    };
}
