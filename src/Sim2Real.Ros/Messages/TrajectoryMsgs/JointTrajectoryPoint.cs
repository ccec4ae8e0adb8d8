using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.BuiltinInterfaces;

namespace Sim2Real.Ros.Messages.TrajectoryMsgs;

/// <summary>trajectory_msgs/msg/JointTrajectoryPoint: One waypoint of a joint trajectory.</summary>
public sealed record JointTrajectoryPoint : IRosMessage<JointTrajectoryPoint>
{
    public static RosTypeName TypeName { get; } = new("trajectory_msgs", "JointTrajectoryPoint");

    public double[] Positions { get; init; } = [];

    public double[] Velocities { get; init; } = [];

    public double[] Accelerations { get; init; } = [];

    public double[] Effort { get; init; } = [];

    public Duration TimeFromStart { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Float64Sequence(Positions);
        writer.Float64Sequence(Velocities);
        writer.Float64Sequence(Accelerations);
        writer.Float64Sequence(Effort);
        TimeFromStart.Write(writer);
    }

    public static JointTrajectoryPoint Read(ref CdrReader reader) => new()
    {
        Positions = reader.Float64Sequence(),
        Velocities = reader.Float64Sequence(),
        Accelerations = reader.Float64Sequence(),
        Effort = reader.Float64Sequence(),
        TimeFromStart = Duration.Read(ref reader),
    };
}
