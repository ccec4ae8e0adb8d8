namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>rates:</c> the control period (joint targets go out once per period) and the action repeat (the policy acts
/// once every that many periods). Both are checked against the policy file and the robot at start-up.
/// </summary>
public sealed record RatesSection
{
    /// <summary>ros2_control's default for its control thread.</summary>
    public const int DefaultThreadPriority = 50;

    public double? ControlPeriodS { get; init; }

    public int? ActionRepeat { get; init; }

    /// <summary>
    /// SCHED_FIFO priority of the control and policy threads (1-99), as ros2_control's controller_manager sets its
    /// own (its thread_priority, 50 by default); 0 leaves them ordinary threads.
    /// </summary>
    public int? ThreadPriority { get; init; }
}
