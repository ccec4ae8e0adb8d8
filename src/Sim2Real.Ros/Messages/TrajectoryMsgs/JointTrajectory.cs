using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.TrajectoryMsgs;

/// <summary>trajectory_msgs/msg/JointTrajectory: A trajectory for a set of named joints.</summary>
public sealed record JointTrajectory : IRosMessage<JointTrajectory>
{
    public static RosTypeName TypeName { get; } = new("trajectory_msgs", "JointTrajectory");

    public Header Header { get; init; } = new();

    public string[] JointNames { get; init; } = [];

    public JointTrajectoryPoint[] Points { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.StringSequence(JointNames);
        writer.Sequence(Points);
    }

    public static JointTrajectory Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        JointNames = reader.StringSequence(),
        Points = reader.Sequence<JointTrajectoryPoint>(),
    };
}
