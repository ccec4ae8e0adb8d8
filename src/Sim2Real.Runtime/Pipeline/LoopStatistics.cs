namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// What the loop measured so far. The loop writes on its thread; <see cref="PolicyLoop.Statistics"/> hands out copies
/// under a lock, so a status line on another thread reads a consistent snapshot.
/// </summary>
public sealed record LoopStatistics
{
    public long Commands { get; init; }

    public long PolicyTicks { get; init; }

    public long DeadlineMisses { get; init; }

    /// <summary>Inference results that came after their deadline and were dropped.</summary>
    public long LateResults { get; init; }

    public long Clamps { get; init; }

    public long Trips { get; init; }

    /// <summary>Control ticks that ran a whole period late (the scheduler could not keep up) and were skipped.</summary>
    public long Overruns { get; init; }

    /// <summary>Start of a policy tick to its first command written.</summary>
    public required LatencyHistogram TickToCommand { get; init; }

    public required LatencyHistogram Inference { get; init; }

    public required LatencyHistogram JointStateAge { get; init; }

    public required LatencyHistogram FrameAge { get; init; }

    /// <summary>How late each control tick ran against its place on the period grid.</summary>
    public required LatencyHistogram Jitter { get; init; }

    /// <summary>Largest |target - measured| over joints at each joint_states while commanding, rad (the histogram's unit is taken as rad).</summary>
    public required LatencyHistogram TrackingError { get; init; }

    /// <summary>"starting", "ramp", "ok", "tripped:&lt;rule&gt;", "refused" or "stopped".</summary>
    public string SafetyState { get; init; } = "starting";
}
