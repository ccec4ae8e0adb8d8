using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Pipeline;

/// <summary>An adaptive policy's latent (RMA's z-hat) is logged with the tick whose action it produced.</summary>
public class LatentTests
{
    [Fact]
    public void Each_tick_logs_the_latent_the_policy_reported_with_its_action()
    {
        var options = LoopHarness.Arm(w => w with { TrackingError = null, Frozen = null });
        var policy = new FakePolicy(options.Layout.Size, 6, (k, _) => [0.001f * k, 0, 0, 0, 0, 0])
        {
            LatentOf = k => [k, -0.5f * k, 1],
        };
        using var h = new LoopHarness(options, policy);
        var robot = h.Robot();
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped()));

        h.RunTo(1.0);

        var ticks = h.Outputs.Ticks.Where(t => t.RawAction.Length > 0).ToList();
        Assert.True(ticks.Count > 10, $"{ticks.Count} ticks with an action");
        foreach (var tick in ticks)
        {
            var k = MathF.Round(tick.RawAction[0] / 0.001f);
            Assert.Equal([k, -0.5f * k, 1], tick.Latent);
        }
    }

    [Fact]
    public void Ticks_of_a_policy_without_a_latent_log_none()
    {
        var (h, _) = Scenario.Arm(act: Scenario.Moving(6));
        using var __ = h;

        h.RunTo(1.0);

        Assert.NotEmpty(h.Outputs.Ticks);
        Assert.All(h.Outputs.Ticks, t => Assert.Empty(t.Latent));
    }
}
