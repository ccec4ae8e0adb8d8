using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class DeadlineTests
{
    [Fact]
    public void Skips_an_inference_that_misses_its_period_and_trips_after_consecutive_misses()
    {
        // From policy tick 25 on, inference takes 100 ms against a 40 ms policy period.
        var (h, _) = Scenario.Arm(latency: tick => TimeSpan.FromMilliseconds(tick < 25 ? 1 : 100));
        using var _ = h;

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.DeadlineMiss);
        Assert.Equal(0, trip.Reaction());
        Assert.Contains("3 policy ticks in a row", trip.Reason, StringComparison.Ordinal);
        var stats = h.Loop.Statistics;
        Assert.Equal(3, stats.DeadlineMisses);
        Assert.True(stats.LateResults >= 1, "a result that comes after its deadline is dropped");
        Assert.Equal(3, h.Outputs.Ticks.Count(t => t.DeadlineMissed));
        // Never queued: ticks 0-24 on time, 25 late (its result dropped), 26 and 27 skipped, 28 late, 29 skipped: trip.
        Assert.Equal(27, h.Inference.Started);
    }

    [Fact]
    public void A_single_late_inference_is_counted_and_the_robot_keeps_its_command_rate()
    {
        var (h, _) = Scenario.Arm(act: Scenario.Moving(6), latency: tick => TimeSpan.FromMilliseconds(tick == 30 ? 55 : 2));
        using var _ = h;

        h.RunTo(4.0);

        Assert.True(h.NoTrips(), string.Join("; ", h.Loop.TripHistory));
        Assert.Equal(1, h.Loop.Statistics.DeadlineMisses);
        var times = h.Outputs.Commands.Select(c => c.At).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            // Every control period a command; a policy tick's waits for its action at most half a period.
            Assert.InRange((times[i] - times[i - 1]).TotalMilliseconds, 10 - 1e-6, 30 + 1e-6);
        }
    }

    [Fact]
    public void A_result_after_the_next_control_tick_is_used_and_is_no_miss()
    {
        // 30 ms: past the next control tick (20 ms) but within the policy period (40 ms).
        var (h, _) = Scenario.Arm(act: (_, _) => [0.5f, 0, 0, 0, 0, 0], latency: _ => TimeSpan.FromMilliseconds(30));
        using var _ = h;

        h.RunTo(3.0);

        Assert.True(h.NoTrips(), string.Join("; ", h.Loop.TripHistory));
        Assert.Equal(0, h.Loop.Statistics.DeadlineMisses);
        Assert.Equal(0.5, h.Outputs.Commands[^1].Targets[0], 12);
        Assert.InRange(h.Outputs.Commands.Count, 3.0 / 0.02 - 3, 3.0 / 0.02);
    }
}
