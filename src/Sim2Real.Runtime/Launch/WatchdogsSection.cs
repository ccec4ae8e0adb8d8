using Sim2Real.Runtime.Launch.Rules;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// A launch file's <c>watchdogs:</c>: one entry per rule, named as the rule is named on /diagnostics
/// (<c>sim2real/&lt;node&gt;/&lt;rule&gt;</c>), on /watchdog/events and by <c>deploy --expect-trip</c>. Which rules a
/// deployment must configure depends on its policy and robot (a pixel policy needs camera_stale, a floating base
/// needs odometry_stale, base_tilt and fall); the rest are optional. Non-finite actions, e-stop and invalid input are
/// always on and have nothing to configure.
/// </summary>
public sealed record WatchdogsSection
{
    public StaleRuleSpec? JointStatesStale { get; init; }

    public FrozenRuleSpec? JointStatesFrozen { get; init; }

    public DeadlineMissSpec? DeadlineMiss { get; init; }

    public TrackingErrorSpec? TrackingError { get; init; }

    public StaleRuleSpec? CameraStale { get; init; }

    public StaleRuleSpec? TaskCommandStale { get; init; }

    public StaleRuleSpec? OdometryStale { get; init; }

    public BaseTiltSpec? BaseTilt { get; init; }

    public FallSpec? Fall { get; init; }

    public FootContactSpec? FootContact { get; init; }
}
