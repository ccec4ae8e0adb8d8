using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class StartupRampTests
{
    [Fact]
    public void Ramps_from_the_measured_pose_at_no_more_than_1_rad_s()
    {
        // The arm wakes up 1.3 rad from where the policy wants it (shoulder_pitch -1.0, home 0.3).
        var options = LoopHarness.Arm();
        var start = Repo.Arm6.Home();
        start[1] = -1.0;
        using var h = new LoopHarness(options, LoopHarness.Constant(options, new float[6]));
        var robot = h.Robot(start);
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new()));
        var states = new List<string>();
        h.Scheduler.SchedulePeriodic(TimeSpan.FromMilliseconds(20), () => states.Add(h.Loop.Statistics.SafetyState));

        h.RunTo(3.0);

        var commands = h.Outputs.Commands.Select(c => c.Targets[1]).ToList();
        Assert.InRange(Math.Abs(commands[0] - -1.0), 0, 0.02 + 1e-12);
        for (var i = 1; i < commands.Count; i++)
        {
            // 1 rad/s x 20 ms per control period; the action mapping alone would allow 3 rad/s.
            Assert.InRange(Math.Abs(commands[i] - commands[i - 1]), 0, 0.02 + 1e-12);
        }

        Assert.Equal(0.3, commands[^1], 12);
        Assert.Contains("ramp", states);
        Assert.Equal("ok", states[^1]);
    }
}
