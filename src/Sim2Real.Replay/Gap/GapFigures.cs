namespace Sim2Real.Replay.Gap;

/// <summary>The sim-vs-real gap of one log: how far the nominal simulator, driven open-loop by the log's commands, strays from it.</summary>
public sealed record GapFigures
{
    public required string Label { get; init; }

    public required string Log { get; init; }

    public required IReadOnlyList<string> Joints { get; init; }

    public required int Samples { get; init; }

    public required double DurationS { get; init; }

    /// <summary>Per joint, position RMSE over the episode (rad).</summary>
    public required double[] PositionRmse { get; init; }

    /// <summary>Per joint, velocity RMSE over the episode (rad/s).</summary>
    public required double[] VelocityRmse { get; init; }

    /// <summary>RMS over every joint and sample (rad).</summary>
    public required double PositionRmseAll { get; init; }

    public required double VelocityRmseAll { get; init; }

    public required double MaxPositionError { get; init; }

    /// <summary>Centres of the time windows (s since the initial state).</summary>
    public required double[] WindowTimes { get; init; }

    /// <summary>Position RMSE over every joint within each window (rad): the divergence as a function of time.</summary>
    public required double[] WindowPositionRmse { get; init; }

    /// <summary>Least-squares slope of the per-sample RMS position error against time (rad/s): how fast divergence grows.</summary>
    public required double GrowthRadPerS { get; init; }

    /// <summary>Per joint, the command-to-motion latency estimated from the log (s; NaN for a joint never commanded to move).</summary>
    public required double[] LoggedLatencyS { get; init; }

    /// <summary>The same estimate on the simulated trajectory: what the nominal simulator's own response contributes.</summary>
    public required double[] SimulatedLatencyS { get; init; }

    public double LoggedLatencyMedianS => CommandLatency.Median(LoggedLatencyS);

    public double SimulatedLatencyMedianS => CommandLatency.Median(SimulatedLatencyS);

    /// <summary>Times, logged, simulated and commanded positions of the joint that moved most, for the trajectory plot.</summary>
    public required (string Joint, double[] Times, double[] Logged, double[] Simulated, double[] Commanded) Trace { get; init; }
}
