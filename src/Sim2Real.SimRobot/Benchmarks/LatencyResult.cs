using System.Globalization;

namespace Sim2Real.SimRobot.Benchmarks;

/// <summary>From a command's publish to the first /joint_states whose effort answers it, in ms.</summary>
/// <param name="Ms">p50/p99 over the step commands.</param>
/// <param name="PhysicsStepMs">The physics step: a command waits up to one for the step that applies it.</param>
public sealed record LatencyResult(Percentiles Ms, double PhysicsStepMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"command-to-motion latency (wall clock, 500 Hz): p50 {Ms.P50:F3} ms, p99 {Ms.P99:F3} ms over {Ms.Count} step commands (a command waits up to one {PhysicsStepMs:0.###} ms physics step for the step that applies it)");
}
