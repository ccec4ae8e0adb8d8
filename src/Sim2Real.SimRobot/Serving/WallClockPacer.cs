namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// Paces physics steps against the wall clock: step k is due at start + k x period. A step that comes late is taken
/// at once (the ones missed are caught up); when the robot is further behind than <see cref="MaxLagSteps"/>, the
/// schedule slips forward instead, so a stall is not followed by a burst of fast-forwarded physics.
/// </summary>
internal sealed class WallClockPacer
{
    private readonly TimeProvider _time;
    private readonly long _period;
    private long _origin;

    public WallClockPacer(TimeProvider time, double periodS, int maxLagSteps)
    {
        _time = time;
        _period = Math.Max(1, (long)Math.Round(periodS * time.TimestampFrequency));
        MaxLagSteps = maxLagSteps;
        _origin = time.GetTimestamp();
    }

    public int MaxLagSteps { get; }

    /// <summary>How often the schedule slipped because the robot fell too far behind.</summary>
    public long Slips { get; private set; }

    /// <summary>Steps due now, given <paramref name="done"/> steps taken since the start.</summary>
    public long Due(long done)
    {
        var elapsed = _time.GetTimestamp() - _origin;
        var due = (elapsed / _period) + 1 - done;
        if (due > MaxLagSteps)
        {
            // Re-anchor so the next step is due now.
            _origin = _time.GetTimestamp() - (done * _period);
            Slips++;
            return 1;
        }

        return Math.Max(0, due);
    }

    /// <summary>Time until step number <paramref name="done"/> is due.</summary>
    public TimeSpan UntilNext(long done)
    {
        var left = _origin + (done * _period) - _time.GetTimestamp();
        return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / _time.TimestampFrequency);
    }

    /// <summary>
    /// Waits until step <paramref name="done"/> is due. The system clock is waited on with whole-millisecond sleeps
    /// and a yielding spin for the rest: .NET timers fire on a ~1 ms grid, too coarse for a 2 ms physics step. Any
    /// other clock (a test's) is waited on with its own timers.
    /// </summary>
    public void WaitForNext(long done, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_time, TimeProvider.System))
        {
            var left = UntilNext(done);
            if (left > TimeSpan.Zero)
            {
                Task.Delay(left, _time, cancellationToken).Wait(cancellationToken);
            }

            return;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var left = UntilNext(done);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (left.TotalMilliseconds >= 1.2)
            {
                Thread.Sleep((int)(left.TotalMilliseconds - 0.2));
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
