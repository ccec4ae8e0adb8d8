namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// How late the real-time steps ran, in 10 us bins up to 100 ms (later ones share the last bin): constant memory for
/// a run of any length, percentiles to 10 us.
/// </summary>
internal sealed class LatenessHistogram
{
    private const double BinMs = 0.01;
    private readonly long[] _bins = new long[10_000];

    public long Count { get; private set; }

    public void Add(TimeSpan lateness)
    {
        var bin = (int)Math.Min(_bins.Length - 1, Math.Max(0, lateness.TotalMilliseconds / BinMs));
        _bins[bin]++;
        Count++;
    }

    /// <summary>The upper edge of the bin holding the <paramref name="fraction"/> quantile, in ms (NaN when empty).</summary>
    public double PercentileMs(double fraction)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        long seen = 0;
        for (var i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return (i + 1) * BinMs;
            }
        }

        return _bins.Length * BinMs;
    }
}
