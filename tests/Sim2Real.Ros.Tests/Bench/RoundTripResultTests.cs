using Sim2Real.Ros.Bench;

namespace Sim2Real.Ros.Tests.Bench;

/// <summary>The round-trip figures over given times: whole-run percentiles and ddsperf's per-second windows.</summary>
public class RoundTripResultTests
{
    private const long Frequency = 1_000_000; // microsecond ticks

    [Fact]
    public void Percentiles_of_the_whole_run_are_read_from_the_sorted_times()
    {
        double[] rtts = [.. Enumerable.Range(1, 100).Select(i => (double)(101 - i))];

        var result = RoundTripResult.Of(rtts, [.. Enumerable.Range(0, 100).Select(i => (long)i)], Frequency);

        Assert.Equal((100, 50.5, 1.0, 51.0, 91.0, 100.0, 100.0), (result.Count, result.MeanUs, result.MinUs, result.P50Us, result.P90Us, result.P99Us, result.MaxUs));
    }

    [Fact]
    public void Windows_are_one_second_each_and_their_median_is_reported()
    {
        // Three seconds of 200 trips each: 10 us, then 30 us, then 20 us; the median window is the 20 us one.
        var rtts = new List<double>();
        var at = new List<long>();
        foreach (var (second, value) in new[] { (0, 10.0), (1, 30.0), (2, 20.0) })
        {
            for (var i = 0; i < 200; i++)
            {
                rtts.Add(value);
                at.Add((second * Frequency) + (i * 1000));
            }
        }

        var result = RoundTripResult.Of([.. rtts], [.. at], Frequency);

        Assert.Equal((3, 20.0, 20.0), (result.Windows, result.WindowP50Us, result.WindowP99Us));
        Assert.Equal("rtt per-second windows (median of 3, as ddsperf reports) 50% 20.0us 99% 20.0us", result.Lines()[1]);
        Assert.Equal("rtt/2 (ddsperf's printed measure) 50% 10.0us 99% 10.0us", result.Lines()[2]);
    }

    [Fact]
    public void A_run_without_a_full_window_counts_as_one_window_of_everything()
    {
        double[] rtts = [5, 1, 3];

        var result = RoundTripResult.Of(rtts, [0, 1, 2], Frequency);

        Assert.Equal((1, 3.0, 5.0), (result.Windows, result.WindowP50Us, result.WindowP99Us));
        Assert.Equal("rtt size 12 count 3 mean 3.0us min 1.0us 50% 3.0us 90% 5.0us 99% 5.0us max 5.0us", result.Lines()[0]);
    }
}
