using System.Collections.Concurrent;

namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>
/// Inputs from the DDS receive threads to the simulation thread, in arrival order. The simulation thread waits on
/// it with a timeout measured by the injected <see cref="TimeProvider"/> (lockstep mode's "held command after 100 ms").
/// </summary>
internal sealed class InputQueue : IDisposable
{
    private readonly ConcurrentQueue<ServeInput> _items = new();
    private readonly SemaphoreSlim _signal = new(0);

    public void Post(ServeInput input)
    {
        _items.Enqueue(input);
        _signal.Release();
    }

    public bool TryTake(out ServeInput input) => _items.TryDequeue(out input!);

    /// <summary>Waits until an input is queued (true) or <paramref name="timeout"/> has passed on <paramref name="time"/> (false).</summary>
    public bool WaitForInput(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (_items.IsEmpty)
        {
            var left = deadline - time.GetTimestamp();
            if (left <= 0)
            {
                return false;
            }

            // A signal may be stale (its input already taken): then the queue is empty and the wait goes on.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var signalled = _signal.WaitAsync(stop.Token);
            var expired = Task.Delay(TimeSpan.FromSeconds((double)left / time.TimestampFrequency), time, stop.Token);
            Task.WaitAny(signalled, expired);
            stop.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return true;
    }

    public void Dispose() => _signal.Dispose();
}
