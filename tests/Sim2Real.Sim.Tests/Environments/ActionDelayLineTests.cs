using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Environments;

public class ActionDelayLineTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Target_chosen_at_step_t_is_applied_at_step_t_plus_latency(int latency)
    {
        var line = new ActionDelayLine(1);
        line.Reset(latency, [-1.0]);

        var applied = new List<double>();
        for (var t = 0; t < 6; t++)
        {
            applied.Add(line.Push([t])[0]);
        }

        var expected = Enumerable.Range(0, 6).Select(t => t - latency < 0 ? -1.0 : t - latency);
        Assert.Equal(expected, applied);
    }
}
