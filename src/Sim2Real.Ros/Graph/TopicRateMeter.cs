namespace Sim2Real.Ros.Graph;

/// <summary>
/// Arrival intervals of a topic's messages over a moving window of <paramref name="window"/> intervals. Arrival times
/// come from the caller's clock, so the meter runs in virtual time as well as on a stopwatch; safe to add to from a
/// subscription's thread while another reads.
/// </summary>
public sealed class TopicRateMeter(int window)
{
    private readonly Queue<double> _intervals = new();
    private readonly Lock _gate = new();
    private TimeSpan? _last;
    private long _seen;
    private long _reported;

    public int WindowIntervals { get; } = window >= 1 ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "a window holds at least one interval");

    /// <summary>Messages seen so far.</summary>
    public long Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen;
            }
        }
    }

    /// <summary>Records a message that arrived at <paramref name="at"/> (times must not go backwards).</summary>
    public void Add(TimeSpan at)
    {
        lock (_gate)
        {
            if (_last is { } last)
            {
                _intervals.Enqueue((at - last).TotalSeconds);
                if (_intervals.Count > WindowIntervals)
                {
                    _intervals.Dequeue();
                }
            }

            _last = at;
            _seen++;
        }
    }

    /// <summary>The window's statistics, or null when no message arrived since the last call (or fewer than two ever).</summary>
    public TopicRateStatistics? TakeNew()
    {
        lock (_gate)
        {
            if (_seen == _reported || _intervals.Count == 0)
            {
                return null;
            }

            _reported = _seen;
            var mean = _intervals.Average();
            var std = Math.Sqrt(_intervals.Sum(x => (x - mean) * (x - mean)) / _intervals.Count);
            return new TopicRateStatistics(1 / mean, _intervals.Min(), _intervals.Max(), std, _intervals.Count + 1);
        }
    }
}
