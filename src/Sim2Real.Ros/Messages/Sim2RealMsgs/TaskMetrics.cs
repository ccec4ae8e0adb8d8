using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.Sim2RealMsgs;

/// <summary>sim2real_msgs/msg/TaskMetrics: A task's score at one control step of an episode (on /task/metrics).</summary>
public sealed record TaskMetrics : IRosMessage<TaskMetrics>
{
    public static RosTypeName TypeName { get; } = new("sim2real_msgs", "TaskMetrics");

    public Header Header { get; init; } = new();

    public string Task { get; init; } = "";

    public uint Episode { get; init; }

    /// <summary>Control steps into the episode.</summary>
    public uint Step { get; init; }

    public bool Success { get; init; }

    public bool Done { get; init; }

    public bool Fallen { get; init; }

    /// <summary>Metric names, e.g. distance_m; values[i] belongs to names[i].</summary>
    public string[] Names { get; init; } = [];

    public double[] Values { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.String(Task);
        writer.UInt32(Episode);
        writer.UInt32(Step);
        writer.Bool(Success);
        writer.Bool(Done);
        writer.Bool(Fallen);
        writer.StringSequence(Names);
        writer.Float64Sequence(Values);
    }

    public static TaskMetrics Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Task = reader.String(),
        Episode = reader.UInt32(),
        Step = reader.UInt32(),
        Success = reader.Bool(),
        Done = reader.Bool(),
        Fallen = reader.Bool(),
        Names = reader.StringSequence(),
        Values = reader.Float64Sequence(),
    };
}
