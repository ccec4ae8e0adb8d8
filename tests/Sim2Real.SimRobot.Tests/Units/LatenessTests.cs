using Sim2Real.SimRobot.Benchmarks;
using Sim2Real.SimRobot.Serving;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>The real-time period jitter the served robot reports when it stops, and the benchmark's percentiles.</summary>
public class LatenessTests
{
    [Fact]
    public void A_step_taken_after_its_time_is_as_late_as_the_clock_says_and_one_on_time_is_not_late()
    {
        var time = new ManualTimeProvider();
        var pacer = new WallClockPacer(time, 0.002, maxLagSteps: 50);

        Assert.Equal(TimeSpan.Zero, pacer.Lateness(1));
        time.Advance(TimeSpan.FromMilliseconds(2.3));
        // To the test clock's resolution.
        Assert.Equal(0.3, pacer.Lateness(1).TotalMilliseconds, 3);
        Assert.Equal(2.3, pacer.Lateness(0).TotalMilliseconds, 3);
    }

    [Fact]
    public void The_histogram_gives_percentiles_to_its_10_us_bins()
    {
        var histogram = new LatenessHistogram();
        for (var i = 0; i < 98; i++)
        {
            histogram.Add(TimeSpan.FromMilliseconds(0.055));
        }

        histogram.Add(TimeSpan.FromMilliseconds(3.001));
        histogram.Add(TimeSpan.FromSeconds(5)); // beyond the last bin: counted there

        Assert.Equal(100, histogram.Count);
        Assert.Equal(0.06, histogram.PercentileMs(0.5), 9);
        Assert.Equal(3.01, histogram.PercentileMs(0.99), 9);
        Assert.Equal(100.0, histogram.PercentileMs(1.0), 9);
        Assert.True(double.IsNaN(new LatenessHistogram().PercentileMs(0.5)));
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 200).Select(i => (double)i));

        Assert.Equal((100.0, 198.0, 200), (p.P50, p.P99, p.Count));
        Assert.Equal(7.0, Percentiles.Of([7.0]).P99);
    }
}
