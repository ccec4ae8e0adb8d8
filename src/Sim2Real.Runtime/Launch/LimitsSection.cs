using Sim2Real.Core;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>limits:</c> the start-up ramp's speed, and optional per-joint position limits tighter than robot.yaml's (a
/// cell with a wall on one side). Targets outside them are clamped and reported.
/// </summary>
public sealed record LimitsSection
{
    /// <summary>How fast, at most, targets move from the measured pose to the policy's at start-up and after a reset.</summary>
    public double? StartupRampRadS { get; init; }

    /// <summary>joint name: [min, max] rad.</summary>
    public Dictionary<string, Interval>? PositionLimitRad { get; init; }
}
