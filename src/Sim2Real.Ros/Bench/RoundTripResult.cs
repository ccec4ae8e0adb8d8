using System.Globalization;

namespace Sim2Real.Ros.Bench;

/// <summary>
/// Round-trip times in microseconds: over the whole run, and as ddsperf reports them, the median over one-second
/// windows of each window's percentile.
/// </summary>
public sealed record RoundTripResult(
    int Count,
    double MeanUs,
    double MinUs,
    double P50Us,
    double P90Us,
    double P99Us,
    double MaxUs,
    int Windows,
    double WindowP50Us,
    double WindowP99Us)
{
    /// <summary>The CDR size of the message that makes the trip (builtin_interfaces/msg/Time).</summary>
    public const int MessageBytes = 12;

    /// <summary>A window holds at least this many trips to count (ddsperf's intervals are full ones).</summary>
    public const int MinWindowCount = 100;

    /// <summary>
    /// The figures of <paramref name="rttsUs"/>, whose trips ended at the Stopwatch-style <paramref name="timestamps"/>
    /// ticking <paramref name="frequency"/> times a second.
    /// </summary>
    public static RoundTripResult Of(double[] rttsUs, long[] timestamps, long frequency)
    {
        ArgumentNullException.ThrowIfNull(rttsUs);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentOutOfRangeException.ThrowIfZero(rttsUs.Length);
        ArgumentOutOfRangeException.ThrowIfNotEqual(timestamps.Length, rttsUs.Length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        var (windows, p50, p99) = WindowedPercentiles(rttsUs, timestamps, frequency);
        var sorted = rttsUs.ToArray();
        Array.Sort(sorted);
        return new RoundTripResult(sorted.Length, sorted.Average(), sorted[0], Percentile(sorted, 0.50), Percentile(sorted, 0.90),
            Percentile(sorted, 0.99), sorted[^1], windows, p50, p99);
    }

    /// <summary>
    /// The three lines <c>topic bench rtt</c> prints (bench/ros_bench.sh reads the second): the whole run, the
    /// per-second windows, and half of them, since ddsperf prints half the round trip ("(tnow - source_timestamp) / 2"
    /// in its process_pong).
    /// </summary>
    public IReadOnlyList<string> Lines() =>
    [
        string.Create(CultureInfo.InvariantCulture,
            $"rtt size {MessageBytes} count {Count} mean {MeanUs:0.0}us min {MinUs:0.0}us 50% {P50Us:0.0}us 90% {P90Us:0.0}us 99% {P99Us:0.0}us max {MaxUs:0.0}us"),
        string.Create(CultureInfo.InvariantCulture,
            $"rtt per-second windows (median of {Windows}, as ddsperf reports) 50% {WindowP50Us:0.0}us 99% {WindowP99Us:0.0}us"),
        string.Create(CultureInfo.InvariantCulture,
            $"rtt/2 (ddsperf's printed measure) 50% {WindowP50Us / 2:0.0}us 99% {WindowP99Us / 2:0.0}us"),
    ];

    // ddsperf prints latency percentiles per one-second interval; the median over intervals is comparable with it.
    // A run too short for one full window is one window of everything.
    private static (int Count, double P50, double P99) WindowedPercentiles(double[] rtts, long[] at, long frequency)
    {
        var p50 = new List<double>();
        var p99 = new List<double>();
        var start = 0;
        for (var i = 1; i <= rtts.Length; i++)
        {
            if (i == rtts.Length || at[i] - at[start] >= frequency)
            {
                var window = rtts[start..i];
                Array.Sort(window);
                if (window.Length >= MinWindowCount)
                {
                    p50.Add(Percentile(window, 0.50));
                    p99.Add(Percentile(window, 0.99));
                }

                start = i;
            }
        }

        if (p50.Count == 0)
        {
            var all = rtts.ToArray();
            Array.Sort(all);
            return (1, Percentile(all, 0.50), Percentile(all, 0.99));
        }

        p50.Sort();
        p99.Sort();
        return (p50.Count, p50[p50.Count / 2], p99[p99.Count / 2]);
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
