using Sim2Real.Replay.Gap;

namespace Sim2Real.Replay.Tests;

public sealed class CommandLatencyTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.04)]
    [InlineData(0.1)]
    public void Finds_the_delay_of_a_delayed_copy_of_the_command(double delayS)
    {
        const double period = 0.02;
        var times = Enumerable.Range(0, 300).Select(i => i * period).ToArray();
        double Command(double t) => t < 0 ? 0 : Math.Sin(2 * Math.PI * 0.7 * t) + (0.4 * Math.Sin(2 * Math.PI * 1.9 * t));
        var commanded = times.Select(t => new[] { Command(t), 0.5 }).ToArray();
        var measured = times.Select(t => new[] { Command(t - delayS) + 0.1, 0.5 }).ToArray();

        var lags = CommandLatency.Estimate(times, commanded, measured, maxLagS: 0.5);

        // Within a tenth of the sample period: the parabola through the peak refines it below one sample.
        Assert.InRange(lags[0], delayS - (period / 10), delayS + (period / 10));
        Assert.True(double.IsNaN(lags[1]), "a joint never commanded to move carries no timing");
    }
}
