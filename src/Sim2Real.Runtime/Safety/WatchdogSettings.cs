using Sim2Real.Core;
using Sim2Real.Runtime.Launch;

namespace Sim2Real.Runtime.Safety;

/// <summary>The watchdogs' limits, resolved and range-checked; a null rule is off.</summary>
public sealed record WatchdogSettings
{
    public required TimeSpan JointStatesTimeout { get; init; }

    public required int DeadlineMisses { get; init; }

    /// <summary>Identical samples in a row, and how far targets must have moved meanwhile.</summary>
    public (int Samples, double TargetMotionRad)? Frozen { get; init; }

    public (double LimitRad, TimeSpan Duration)? TrackingError { get; init; }

    public TimeSpan? CameraTimeout { get; init; }

    public TimeSpan? TaskCommandTimeout { get; init; }

    public TimeSpan? OdometryTimeout { get; init; }

    public double? TiltLimitRad { get; init; }

    public double? MinBaseHeightM { get; init; }

    public (TimeSpan MaxAirborne, TimeSpan Timeout)? FootContact { get; init; }

    /// <exception cref="InvalidConfigException">A rule is missing a limit or has one out of range; names the field.</exception>
    public static WatchdogSettings From(WatchdogsSection? section, string source)
    {
        var w = section ?? throw new InvalidConfigException(source, "watchdogs", "missing; at least joint_states_stale and deadline_miss must be configured");
        return new WatchdogSettings
        {
            JointStatesTimeout = (w.JointStatesStale ?? throw Missing(source, RuleNames.JointStatesStale)).Timeout(source, $"watchdogs.{RuleNames.JointStatesStale}"),
            DeadlineMisses = (w.DeadlineMiss ?? throw Missing(source, RuleNames.DeadlineMiss)).Resolve(source, $"watchdogs.{RuleNames.DeadlineMiss}"),
            Frozen = w.JointStatesFrozen?.Resolve(source, $"watchdogs.{RuleNames.JointStatesFrozen}"),
            TrackingError = w.TrackingError?.Resolve(source, $"watchdogs.{RuleNames.TrackingError}"),
            CameraTimeout = w.CameraStale?.Timeout(source, $"watchdogs.{RuleNames.CameraStale}"),
            TaskCommandTimeout = w.TaskCommandStale?.Timeout(source, $"watchdogs.{RuleNames.TaskCommandStale}"),
            OdometryTimeout = w.OdometryStale?.Timeout(source, $"watchdogs.{RuleNames.OdometryStale}"),
            TiltLimitRad = w.BaseTilt?.Resolve(source, $"watchdogs.{RuleNames.BaseTilt}"),
            MinBaseHeightM = w.Fall?.Resolve(source, $"watchdogs.{RuleNames.Fall}"),
            FootContact = w.FootContact?.Resolve(source, $"watchdogs.{RuleNames.FootContact}"),
        };
    }

    private static InvalidConfigException Missing(string source, string rule) =>
        new(source, $"watchdogs.{rule}", "missing; this rule cannot be turned off");
}
