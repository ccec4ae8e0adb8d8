using System.Reactive.Concurrency;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>
/// Inference in virtual time: the policy step runs at once, and its result is handed back after the latency the
/// test scripts for that policy tick, so deadlines are tested without a thread or a wall clock.
/// </summary>
internal sealed class ScriptedInference(PolicyStep step, IScheduler scheduler, Func<long, TimeSpan> latency) : IInferenceRunner
{
    public int Started { get; private set; }

    public void Start(InferenceRequest request, Action<InferenceResult> completed)
    {
        Started++;
        var delay = latency(request.Tick);
        var result = step.Run(request) with { Duration = delay };
        if (delay == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        scheduler.Schedule(delay, () => completed(result));
    }

    public void Dispose()
    {
    }
}
