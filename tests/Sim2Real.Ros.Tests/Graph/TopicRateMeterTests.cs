using Sim2Real.Ros.Graph;

namespace Sim2Real.Ros.Tests.Graph;

public class TopicRateMeterTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Reports_rate_and_interval_spread_as_ros2_topic_hz_does()
    {
        var meter = new TopicRateMeter(window: 100);
        foreach (var t in new[] { 0.0, 0.1, 0.2, 0.4 })
        {
            meter.Add(S(t));
        }

        var s = meter.TakeNew()!.Value;

        // Intervals 0.1, 0.1, 0.2: mean 0.1333 s, population standard deviation 0.04714 s.
        Assert.Equal(7.5, s.AverageRateHz, 9);
        Assert.Equal(0.1, s.MinIntervalS, 9);
        Assert.Equal(0.2, s.MaxIntervalS, 9);
        Assert.Equal(Math.Sqrt(0.02 / 9), s.StdDevS, 9);
        Assert.Equal(4, s.Window);
        Assert.Equal(4, meter.Seen);
    }

    [Fact]
    public void Keeps_only_the_last_window_of_intervals()
    {
        var meter = new TopicRateMeter(window: 2);
        foreach (var t in new[] { 0.0, 1.0, 1.5, 2.0 })
        {
            meter.Add(S(t));
        }

        var s = meter.TakeNew()!.Value;

        Assert.Equal(2.0, s.AverageRateHz, 9);
        Assert.Equal(0.5, s.MaxIntervalS, 9);
        Assert.Equal(3, s.Window);
    }

    [Fact]
    public void Says_nothing_new_until_another_message_arrives()
    {
        var meter = new TopicRateMeter(window: 10);
        meter.Add(S(0));

        Assert.Null(meter.TakeNew());
        meter.Add(S(0.5));
        Assert.NotNull(meter.TakeNew());
        Assert.Null(meter.TakeNew());
        meter.Add(S(1.0));
        Assert.Equal(2.0, meter.TakeNew()!.Value.AverageRateHz, 9);
    }
}
