using Sim2Real.Robotics.Spec;
using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class SafeActionTests
{
    [Fact]
    public void Hold_decelerates_from_the_measured_velocity_then_holds()
    {
        var options = LoopHarness.Arm() with { SafeAction = new SafeActionSpec { Kind = SafeActionKind.Hold, DecelerateS = 0.1 } };
        var (h, robot) = Scenario.Arm(options, act: (k, _) => k < 30 ? new float[6] : [0.9f, 0, 0, 0, 0, 0]);
        using var _ = h;
        var positions = new List<(DateTimeOffset At, double Q, double V)>();
        h.JointStates.Subscribe(m => positions.Add((h.Scheduler.Now, m.Position[0], m.Velocity[0])));
        h.At(1.33, () => h.EStop.OnNext(true));

        h.RunTo(2.0);

        var trip = h.Tripped(RuleNames.EStop);
        var (_, q0, v0) = positions.Last(p => p.At < trip.CommandedAt());
        Assert.True(Math.Abs(v0) > 0.5, $"the arm should be moving at the e-stop (v = {v0})");
        var after = h.Outputs.CommandsAfter(trip.CommandedAt()).ToList();
        foreach (var (at, targets) in after)
        {
            var t = Math.Min((at - trip.CommandedAt()).TotalSeconds, 0.1);
            Assert.Equal(q0 + (v0 * t) - (v0 * t * t / 0.2), targets[0], 9);
        }

        Assert.Equal(q0 + (v0 * 0.05), after[^1].Targets[0], 9);
    }

    [Fact]
    public void Crouch_moves_to_the_crouch_pose_at_its_rate()
    {
        var crouch = Repo.Quad12.Joints.Select(j => j.Name.EndsWith("calf", StringComparison.Ordinal) ? -2.4 : j.Name.EndsWith("thigh", StringComparison.Ordinal) ? 1.6 : 0).ToList();
        var options = LoopHarness.Quad() with { SafeAction = new SafeActionSpec { Kind = SafeActionKind.Crouch, CrouchRad = crouch, RateRadS = 0.5 }.Validate("test", "safe_action", Repo.Quad12.Joints) };
        var (h, _, state) = Scenario.Quad(options);
        using var _ = h;
        h.At(1.0, () => state.RollRad = 1.3);

        h.RunTo(4.0);

        var trip = h.Tripped(RuleNames.BaseTilt);
        var after = h.Outputs.CommandsAfter(trip.CommandedAt()).Select(c => c.Targets).ToList();
        for (var i = 1; i < after.Count; i++)
        {
            Assert.All(after[i].Zip(after[i - 1]), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, (0.5 * 0.02) + 1e-12));
        }

        Assert.Equal(crouch, after[^1]);
        Assert.DoesNotContain(h.Outputs.GainWrites, g => g.Kp.All(kp => kp == 0));
    }

    [Fact]
    public void Stopping_a_running_loop_commands_the_safe_action_once_more()
    {
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        h.RunTo(2.0);
        var before = h.Outputs.Commands.Count;

        h.Loop.Stop();
        h.RunTo(3.0);

        Assert.Equal(before + 1, h.Outputs.Commands.Count);
        Assert.True(h.NoTrips());
    }

    [Fact]
    public void A_new_episode_restarts_the_policy_without_the_ramp()
    {
        var (h, _) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        h.At(2.0, () => h.Loop.BeginEpisode(3));

        h.RunTo(3.0);

        Assert.Equal(2, h.Policy.Resets);
        Assert.Equal(3u, h.Outputs.Ticks[^1].Episode);
        Assert.DoesNotContain(h.Outputs.Ticks.Where(t => t.Episode == 3), t => t.SafetyState == "ramp");
    }
}
