using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.Sim2RealMsgs;

/// <summary>sim2real_msgs/msg/WatchdogEvent: A safety rule tripped or released (on /watchdog/events).</summary>
public sealed record WatchdogEvent : IRosMessage<WatchdogEvent>
{
    public static RosTypeName TypeName { get; } = new("sim2real_msgs", "WatchdogEvent");

    public Header Header { get; init; } = new();

    /// <summary>The node whose watchdog fired.</summary>
    public string Node { get; init; } = "";

    public string Rule { get; init; } = "";

    /// <summary>True when the rule tripped, false when a reset released it.</summary>
    public bool Tripped { get; init; }

    public string Reason { get; init; } = "";

    /// <summary>When the fault was detected, in s of the node's clock.</summary>
    public double DetectedS { get; init; }

    /// <summary>When the safe action was commanded, in s of the node's clock.</summary>
    public double CommandedS { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.String(Node);
        writer.String(Rule);
        writer.Bool(Tripped);
        writer.String(Reason);
        writer.Float64(DetectedS);
        writer.Float64(CommandedS);
    }

    public static WatchdogEvent Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Node = reader.String(),
        Rule = reader.String(),
        Tripped = reader.Bool(),
        Reason = reader.String(),
        DetectedS = reader.Float64(),
        CommandedS = reader.Float64(),
    };
}
