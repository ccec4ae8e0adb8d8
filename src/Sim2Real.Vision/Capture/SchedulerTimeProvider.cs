using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Sim2Real.Vision.Capture;

/// <summary>
/// A <see cref="TimeProvider"/> driven by an Rx <see cref="IScheduler"/>, so code written against TimeProvider
/// (timestamps, Polly's backoff) runs in virtual time under a HistoricalScheduler.
/// </summary>
public sealed class SchedulerTimeProvider(IScheduler scheduler) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => scheduler.Now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => scheduler.Now.UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SchedulerTimer(scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SchedulerTimer(IScheduler scheduler, TimerCallback callback, object? state) : ITimer
    {
        private readonly SerialDisposable _pending = new();
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_pending.IsDisposed)
            {
                return false;
            }

            _period = period;
            _pending.Disposable = dueTime == Timeout.InfiniteTimeSpan ? Disposable.Empty : scheduler.Schedule(dueTime, Fire);
            return true;
        }

        public void Dispose() => _pending.Dispose();

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                _pending.Disposable = scheduler.Schedule(_period, Fire);
            }

            callback(state);
        }
    }
}
