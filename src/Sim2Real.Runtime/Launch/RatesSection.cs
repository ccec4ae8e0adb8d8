namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>rates:</c> the control period (joint targets go out once per period) and the action repeat (the policy acts
/// once every that many periods). Both are checked against the policy file and the robot at start-up.
/// </summary>
public sealed record RatesSection
{
    /// <summary>
    /// Ordinary threads unless a launch file asks. Under SCHED_FIFO a pixel policy's inference waits on BLAS worker
    /// threads that are not real-time, and on a loaded 2-core machine that inversion cost up to 0.6 s (docs/runtime.md).
    /// </summary>
    public const int DefaultThreadPriority = 0;

    /// <summary>
    /// One: at batch 1 a second thread bought little (a pixel act 5.9 ms on one against 5.4 ms on two, at twice the
    /// CPU), and on a small robot computer it takes the core the control thread and the camera driver need.
    /// </summary>
    public const int DefaultInferenceThreads = 1;

    /// <summary>An upper bound that a robot computer's core count will not reach; more is a typo.</summary>
    public const int MaxInferenceThreads = 64;

    public double? ControlPeriodS { get; init; }

    public int? ActionRepeat { get; init; }

    /// <summary>
    /// SCHED_FIFO priority of the control and policy threads (1-99), as ros2_control's controller_manager sets its
    /// own (its thread_priority, 50 there); 0, the default here, leaves them ordinary threads.
    /// </summary>
    public int? ThreadPriority { get; init; }

    /// <summary>Intra-op threads of the policy's inference (libtorch and the BLAS under it).</summary>
    public int? InferenceThreads { get; init; }
}
