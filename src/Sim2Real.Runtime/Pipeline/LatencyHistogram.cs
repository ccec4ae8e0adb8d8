namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// Durations in fixed buckets (10 us wide up to 10 ms, 1 ms wide up to 1 s, then one overflow bucket): percentiles to
/// bucket resolution in constant memory, so a ten-minute soak records every sample without growing.
/// </summary>
public sealed class LatencyHistogram
{
    private const int FineBuckets = 1000;
    private const double FineWidthS = 10e-6;
    private const int CoarseBuckets = 990;
    private const double CoarseWidthS = 1e-3;
    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets + 1];
    private double _max;

    public long Count { get; private set; }

    public double MaxS => _max;

    public void Record(TimeSpan value) => Record(value.TotalSeconds);

    public void Record(double seconds)
    {
        if (!double.IsFinite(seconds))
        {
            return;
        }

        seconds = Math.Max(0, seconds);
        var fine = (int)(seconds / FineWidthS);
        var bucket = fine < FineBuckets ? fine : FineBuckets + Math.Min(CoarseBuckets, (int)((seconds - (FineBuckets * FineWidthS)) / CoarseWidthS));
        _counts[bucket]++;
        _max = Math.Max(_max, seconds);
        Count++;
    }

    /// <summary>The upper edge of the bucket holding quantile <paramref name="q"/> (0..1), in seconds; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(Math.Clamp(q, 0, 1) * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(rank, 1))
            {
                var upper = i < FineBuckets ? (i + 1) * FineWidthS : (FineBuckets * FineWidthS) + ((i - FineBuckets + 1) * CoarseWidthS);
                return Math.Min(upper, _max);
            }
        }

        return _max;
    }

    public LatencyHistogram Copy()
    {
        var copy = new LatencyHistogram { Count = Count };
        _counts.CopyTo(copy._counts, 0);
        copy._max = _max;
        return copy;
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Count = 0;
        _max = 0;
    }
}
