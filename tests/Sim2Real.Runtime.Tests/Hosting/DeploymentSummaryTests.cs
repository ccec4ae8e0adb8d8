using System.Text.Json;
using Sim2Real.Runtime.Episodes;
using Sim2Real.Runtime.Hosting;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Tests.Hosting;

/// <summary>deploy's exit code is what a fault-injection script checks: 0 only for the run it expected.</summary>
public sealed class DeploymentSummaryTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(10);

    [Fact]
    public void Exits_zero_when_nothing_trips()
    {
        var s = Summary([]);
        Assert.Equal(0, s.ExitCode);
        Assert.Contains("result: ok", SummaryText.Describe(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_nonzero_when_a_rule_trips_unexpectedly()
    {
        var s = Summary([Tripped(RuleNames.JointStatesStale)]);
        Assert.Equal(1, s.ExitCode);
        Assert.Contains("unexpected trip joint_states_stale", SummaryText.Describe(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_zero_when_only_the_expected_rule_trips()
    {
        var s = Summary([Tripped(RuleNames.EStop)], expect: RuleNames.EStop);
        Assert.Equal(0, s.ExitCode);
        Assert.Contains("trip e_stop (expected)", SummaryText.Describe(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_nonzero_when_another_rule_trips_besides_the_expected_one()
    {
        Assert.Equal(1, Summary([Tripped(RuleNames.EStop), Tripped(RuleNames.TrackingError)], expect: RuleNames.EStop).ExitCode);
    }

    [Fact]
    public void Exits_nonzero_when_the_expected_rule_never_trips()
    {
        var s = Summary([], expect: RuleNames.JointStatesStale);
        Assert.Equal(1, s.ExitCode);
        Assert.Contains("joint_states_stale did not trip", SummaryText.Describe(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_nonzero_when_the_live_robot_was_refused_at_start_up()
    {
        Assert.Equal(1, (Summary([]) with { Refusal = "/joint_states names joint 'elbow_roll', which arm6 lacks" }).ExitCode);
    }

    [Fact]
    public void Json_summary_carries_episodes_trips_and_reaction_times()
    {
        var trip = Tripped(RuleNames.JointStatesStale);
        var s = Summary([trip]) with { Episodes = [new EpisodeResult(1, true, false, 100, new Dictionary<string, double> { ["distance_m"] = 0.01 }, [])] };
        using var json = JsonDocument.Parse(SummaryText.Json(s));
        Assert.Equal(1.0, json.RootElement.GetProperty("success_rate").GetDouble());
        Assert.Equal(0.02, json.RootElement.GetProperty("trips")[0].GetProperty("reaction_s").GetDouble(), 9);
    }

    private static Trip Tripped(string rule) => new(rule, "test", T) { CommandedAt = T + TimeSpan.FromMilliseconds(20) };

    private static DeploymentSummary Summary(IReadOnlyList<Trip> trips, string? expect = null) => new()
    {
        Deployment = "arm6_reach_sim",
        DurationS = 10,
        Trips = trips,
        Episodes = [],
        ExpectTrip = expect,
        Statistics = new LoopStatistics
        {
            TickToCommand = new LatencyHistogram(),
            Inference = new LatencyHistogram(),
            JointStateAge = new LatencyHistogram(),
            FrameAge = new LatencyHistogram(),
            Jitter = new LatencyHistogram(),
            TrackingError = new LatencyHistogram(),
        },
    };
}
