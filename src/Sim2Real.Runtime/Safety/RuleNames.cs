namespace Sim2Real.Runtime.Safety;

/// <summary>
/// The safety rules by the names they carry everywhere: launch files' <c>watchdogs:</c>, /diagnostics status names
/// (<c>sim2real/&lt;node&gt;/&lt;rule&gt;</c>), /watchdog/events, PolicyTick's <c>tripped:&lt;rule&gt;</c>, and
/// <c>deploy --expect-trip</c>.
/// </summary>
public static class RuleNames
{
    public const string JointStatesStale = "joint_states_stale";
    public const string JointStatesFrozen = "joint_states_frozen";
    public const string JointStatesInvalid = "joint_states_invalid";
    public const string CameraStale = "camera_stale";
    public const string CameraInvalid = "camera_invalid";
    public const string OdometryInvalid = "odometry_invalid";
    public const string FootContactsInvalid = "foot_contacts_invalid";
    public const string TaskCommandInvalid = "task_command_invalid";
    public const string TaskCommandStale = "task_command_stale";
    public const string OdometryStale = "odometry_stale";
    public const string FootContactsStale = "foot_contacts_stale";
    public const string DeadlineMiss = "deadline_miss";
    public const string NonFiniteAction = "non_finite_action";
    public const string PolicyError = "policy_error";
    public const string TrackingError = "tracking_error";
    public const string EStop = "e_stop";
    public const string BaseTilt = "base_tilt";
    public const string Fall = "fall";
    public const string FootContact = "foot_contact";

    /// <summary>Not a trip: a target outside the joint limits was clamped (reported as a warning).</summary>
    public const string JointLimit = "joint_limit";

    /// <summary>Every rule that can trip, for <c>--expect-trip</c>'s check and the diagnostics array.</summary>
    public static IReadOnlyList<string> Trippable { get; } =
    [
        JointStatesStale, JointStatesFrozen, JointStatesInvalid, CameraStale, CameraInvalid, TaskCommandStale, TaskCommandInvalid,
        OdometryStale, OdometryInvalid, FootContactsStale, FootContactsInvalid, DeadlineMiss, NonFiniteAction, PolicyError, TrackingError, EStop, BaseTilt, Fall, FootContact,
    ];
}
