using System.Reactive;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class EStopTests
{
    [Fact]
    public void Latches_e_stop_until_explicit_reset()
    {
        var (h, _) = Scenario.Arm(act: Scenario.Moving(6));
        using var __ = h;
        h.At(1.003, () => h.EStop.OnNext(true));
        h.At(1.2, () => h.EStopReset.OnNext(Unit.Default));   // still pressed: refused
        h.At(1.5, () => h.EStop.OnNext(false));               // released, but the trip stays latched
        h.At(2.0, () => h.EStopReset.OnNext(Unit.Default));   // now it releases

        h.RunTo(1.9);
        var trip = h.Tripped(RuleNames.EStop);
        Assert.Equal(1001.003, trip.DetectedS, 6);
        Assert.Equal(0, trip.Reaction());
        Assert.Equal("tripped:e_stop", h.Loop.Statistics.SafetyState);
        Assert.Contains(h.Notices, n => n.Kind == LoopNoticeKind.Warning && n.Message.Contains("still engaged", StringComparison.Ordinal));
        var seenWhileTripped = h.Policy.Seen.Count;

        h.RunTo(3.0);
        var release = Assert.Single(h.Outputs.Events, e => e.Rule == RuleNames.EStop && !e.Tripped);
        Assert.Contains("/e_stop_reset", release.Reason, StringComparison.Ordinal);
        Assert.True(h.Policy.Seen.Count > seenWhileTripped, "the policy runs again after the reset");
        Assert.Equal(2, h.Policy.Resets);
        Assert.Equal("ok", h.Loop.Statistics.SafetyState);
    }

    [Fact]
    public void Resumes_from_the_measured_pose_through_the_ramp_after_a_reset()
    {
        // Stopped at 0.3 s, part way up the start-up ramp to the policy's 0.8 rad; reset at 1 s.
        var (h, _) = Scenario.Arm(act: (_, _) => [0.8f, 0, 0, 0, 0, 0]);
        using var __ = h;
        var published = h.RecordJointStates();
        h.At(0.3, () => h.EStop.OnNext(true));
        h.At(0.4, () => h.EStop.OnNext(false));
        h.At(1.0, () => h.EStopReset.OnNext(Unit.Default));

        h.RunTo(3.0);

        var resumed = h.Outputs.Commands.Where(c => c.At > h.Time(1.0)).Select(c => c.Targets[0]).ToList();
        var measured = published.Last(s => s.At < h.Time(1.0)).Positions;
        Assert.InRange(measured[0], 0.2, 0.5);
        Assert.InRange(Math.Abs(resumed[0] - measured[0]), 0, 0.02 + 1e-12);
        for (var i = 1; i < resumed.Count; i++)
        {
            Assert.InRange(Math.Abs(resumed[i] - resumed[i - 1]), 0, 0.02 + 1e-12);
        }

        Assert.Equal(0.8, resumed[^1], 6);
    }
    [Fact]
    public void Does_not_report_frozen_joint_states_while_the_arm_holds_after_an_e_stop_reset()
    {
        // At rest in the e-stop hold, the encoders repeat themselves bit for bit (Frozen stands in for that) for far
        // longer than the frozen rule's ten samples. After the reset the arm starts moving a few samples late: those
        // few identical samples are not a frozen sensor, and the hold before the reset must not count towards one.
        // The reset falls between control ticks, so joint_states arrive after the release and before the loop re-arms.
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6));
        using var __ = h;
        h.At(1.0, () => h.EStop.OnNext(true));
        h.At(1.5, () => robot.Frozen = true);
        h.At(1.6, () => h.EStop.OnNext(false));
        h.At(2.005, () => h.EStopReset.OnNext(Unit.Default));
        h.At(2.045, () => robot.Frozen = false);

        h.RunTo(4.0);

        Assert.DoesNotContain(RuleNames.JointStatesFrozen, h.TrippedRules());
        Assert.Equal("ok", h.Loop.Statistics.SafetyState);
    }
}
