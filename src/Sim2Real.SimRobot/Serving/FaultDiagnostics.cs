using System.Globalization;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.SimRobot.Faults;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// /diagnostics as the served robot reports: a fault's status (<c>&lt;node&gt;: &lt;fault&gt;</c>) is WARN from its
/// start and OK at its end; dropped commands (<c>&lt;node&gt;: commands</c>) and fault commands that do not parse
/// (<c>&lt;node&gt;: fault_command</c>) are reported as they happen. hardware_id is the robot's name.
/// </summary>
internal sealed class FaultDiagnostics
{
    public const string CommandsTask = "commands";
    public const string FaultCommandTask = "fault_command";

    private readonly string _node;
    private readonly string _hardware;

    /// <param name="node">The served robot's fully qualified node name.</param>
    /// <param name="hardware">The robot's name (hardware_id).</param>
    public FaultDiagnostics(string node, string hardware)
    {
        _node = node;
        _hardware = hardware;
    }

    public DiagnosticArray Transition(FaultTransition transition, Time stamp)
    {
        var fault = transition.Fault;
        return One(stamp, new DiagnosticStatus
        {
            Level = transition.Started ? DiagnosticStatus.WARN : DiagnosticStatus.OK,
            Name = FaultNames.Diagnostic(_node, fault.Kind),
            Message = transition.Started ? $"fault started: {fault.Describe()}" : $"fault ended: {FaultNames.Of(fault.Kind)}",
            HardwareId = _hardware,
            Values =
            [
                Value("active", transition.Started ? "true" : "false"),
                Value("time_s", transition.TimeS),
                Value("duration_s", fault.DurationS),
                Value("magnitude", fault.Magnitude),
                Value("jitter_s", fault.JitterS),
                Value("direction", string.Create(CultureInfo.InvariantCulture, $"{fault.Direction.X} {fault.Direction.Y} {fault.Direction.Z}")),
            ],
        });
    }

    /// <summary>A dropped command: WARN with the reason and the running counts.</summary>
    public DiagnosticArray Drop(string topic, string reason, CommandCounters counters, Time stamp) => One(stamp, new DiagnosticStatus
    {
        Level = DiagnosticStatus.WARN,
        Name = FaultNames.Status(_node, CommandsTask),
        Message = $"dropped a message on {topic}: {reason}",
        HardwareId = _hardware,
        Values =
        [
            Value("topic", topic),
            Value("accepted", counters.Accepted),
            Value("clamped", counters.Clamped),
            Value("dropped_non_finite", counters.DroppedNonFinite),
            Value("dropped_wrong_size", counters.DroppedWrongSize),
            Value("dropped_malformed", counters.DroppedMalformed),
        ],
    });

    /// <summary>A /sim/fault message that does not parse: ERROR, naming the field.</summary>
    public DiagnosticArray BadFault(string problem, Time stamp) => One(stamp, new DiagnosticStatus
    {
        Level = DiagnosticStatus.ERROR,
        Name = FaultNames.Status(_node, FaultCommandTask),
        Message = problem,
        HardwareId = _hardware,
    });

    private static DiagnosticArray One(Time stamp, DiagnosticStatus status) =>
        new() { Header = new Header { Stamp = stamp }, Status = [status] };

    private static KeyValue Value(string key, string value) => new() { Key = key, Value = value };

    private static KeyValue Value(string key, double value) => new() { Key = key, Value = value.ToString("R", CultureInfo.InvariantCulture) };

    private static KeyValue Value(string key, long value) => new() { Key = key, Value = value.ToString(CultureInfo.InvariantCulture) };
}
