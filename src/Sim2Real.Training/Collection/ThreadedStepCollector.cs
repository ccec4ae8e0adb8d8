using System.Runtime.ExceptionServices;

namespace Sim2Real.Training.Collection;

/// <summary>
/// Steps on a thread of its own, so the simulator runs while the learner updates: on a 2-core machine a training
/// step then costs the longer of the two instead of their sum. One step is in flight at most.
/// </summary>
public sealed class ThreadedStepCollector : IStepCollector
{
    private readonly Func<float[], CollectedStep> _step;
    private readonly Thread _thread;
    private readonly SemaphoreSlim _begun = new(0, 1);
    private readonly SemaphoreSlim _done = new(0, 1);
    private float[]? _action;
    private CollectedStep _result;
    private ExceptionDispatchInfo? _error;
    private bool _inFlight;
    private volatile bool _stopping;

    public ThreadedStepCollector(Func<float[], CollectedStep> step)
    {
        _step = step;
        _thread = new Thread(Loop) { Name = "sim2real-collector", IsBackground = true };
        _thread.Start();
    }

    public void Begin(float[] action)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (_inFlight)
        {
            throw new InvalidOperationException("Begin called twice without End");
        }

        _action = action;
        _inFlight = true;
        _begun.Release();
    }

    public CollectedStep End()
    {
        if (!_inFlight)
        {
            throw new InvalidOperationException("End called without Begin");
        }

        _done.Wait();
        _inFlight = false;
        var error = _error;
        _error = null;
        error?.Throw();
        return _result;
    }

    private void Loop()
    {
        while (true)
        {
            _begun.Wait();
            if (_stopping)
            {
                return;
            }

            try
            {
                _result = _step(_action!);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }

            _done.Release();
        }
    }

    /// <summary>Lets a step in flight finish (the environment is disposed after this), then stops the thread.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        if (_inFlight)
        {
            _done.Wait();
            _inFlight = false;
        }

        _stopping = true;
        _begun.Release();
        _thread.Join();
        _begun.Dispose();
        _done.Dispose();
    }
}
