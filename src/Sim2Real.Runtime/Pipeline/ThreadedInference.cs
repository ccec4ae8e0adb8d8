using System.Reactive.Concurrency;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// Inference on a dedicated thread (an <see cref="EventLoopScheduler"/>), so a slow network never delays the control
/// period's commands; each result is handed back on the loop's scheduler.
/// </summary>
public sealed class ThreadedInference : IInferenceRunner
{
    private readonly PolicyStep _step;
    private readonly IScheduler _loop;
    private readonly EventLoopScheduler _thread;

    /// <param name="thread">Makes the policy thread (a real-time one when deployed); an ordinary background thread by default.</param>
    public ThreadedInference(PolicyStep step, IScheduler loop, Func<ThreadStart, Thread>? thread = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(loop);
        _step = step;
        _loop = loop;
        _thread = new EventLoopScheduler(thread ?? (start => new Thread(start) { Name = "sim2real-policy", IsBackground = true }));
    }

    public void Start(InferenceRequest request, Action<InferenceResult> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        _thread.Schedule(() =>
        {
            var result = _step.Run(request);
            _loop.Schedule(() => completed(result));
        });
    }

    /// <summary>Runs <paramref name="request"/> on the policy thread and waits: the start-up warm-up inference.</summary>
    public InferenceResult RunNow(InferenceRequest request)
    {
        using var done = new ManualResetEventSlim();
        InferenceResult? result = null;
        _thread.Schedule(() =>
        {
            result = _step.Run(request);
            done.Set();
        });
        done.Wait();
        return result!;
    }

    public void Dispose() => _thread.Dispose();
}
