namespace Sim2Real.SimRobot.Faults;

/// <summary>Faults by name: the command line's <c>--fault</c> kinds and the /diagnostics status names.</summary>
public static class FaultNames
{
    private static readonly Dictionary<FaultKind, string> Names = new()
    {
        [FaultKind.Clear] = "clear",
        [FaultKind.StopJointStates] = "stop_joint_states",
        [FaultKind.FreezeJointStates] = "freeze_joint_states",
        [FaultKind.DropCamera] = "drop_camera",
        [FaultKind.CommandLatency] = "command_latency",
        [FaultKind.Push] = "push",
        [FaultKind.SensorNoise] = "sensor_noise",
    };

    /// <summary>The injectable faults (every kind but Clear), in message order.</summary>
    public static IReadOnlyList<FaultKind> Injectable { get; } = [.. Names.Keys.Where(k => k != FaultKind.Clear)];

    public static string Of(FaultKind kind) => Names[kind];

    /// <summary>
    /// A /diagnostics status name as diagnostic_updater forms it ("node: task"), with the node's fully qualified name
    /// so that robots in different namespaces stay apart, e.g. <c>/robot1/sim_serve: push</c>.
    /// </summary>
    public static string Status(string node, string what) => $"{node}: {what}";

    /// <summary>The status announcing <paramref name="kind"/> for <paramref name="node"/>.</summary>
    public static string Diagnostic(string node, FaultKind kind) => Status(node, Of(kind));

    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (n == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string All => string.Join(", ", Names.Values);
}
