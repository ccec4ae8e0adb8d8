using Sim2Real.Core;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class JointLimitTests
{
    [Fact]
    public void Clamps_targets_outside_joint_limits_and_reports_it()
    {
        // The cell has a wall: the launch file narrows shoulder_yaw to [-0.5, 0.5]; the policy asks for 1 rad.
        var limits = Repo.Arm6.Joints.Select(j => j.PositionLimitRad).ToArray();
        limits[0] = new Interval(-0.5, 0.5);
        var options = LoopHarness.Arm() with { PositionLimits = limits };
        var (h, _) = Scenario.Arm(options, act: (_, _) => [1, 0, 0, 0, 0, 0]);
        using var __ = h;

        h.RunTo(3.0);

        Assert.All(h.Outputs.Commands, c => Assert.InRange(c.Targets[0], -0.5, 0.5));
        Assert.Equal(0.5, h.Outputs.Commands[^1].Targets[0]);
        Assert.True(h.NoTrips(), "a clamp is reported, not tripped");
        Assert.True(h.Loop.Statistics.Clamps > 0);
        var warning = Assert.Single(h.Notices, n => n.Kind == LoopNoticeKind.Warning && n.Message.StartsWith(RuleNames.JointLimit, StringComparison.Ordinal));
        Assert.Contains("shoulder_yaw", warning.Message, StringComparison.Ordinal);
        var status = h.Outputs.DiagnosticArrays[^1].Array.Status.Single(s => s.Name == "sim2real/sim2real_runtime/joint_limit");
        Assert.Equal(DiagnosticStatus.WARN, status.Level);
        Assert.Contains("shoulder_yaw", status.Message, StringComparison.Ordinal);
    }
}
