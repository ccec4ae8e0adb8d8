using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class StaleInputTests
{
    private const double Period = 0.02;

    [Fact]
    public void Never_commands_before_the_first_joint_states()
    {
        var options = LoopHarness.Arm();
        using var h = new LoopHarness(options, new FakePolicy(options.Layout.Size, 6, Scenario.Moving(6)));
        var robot = h.Robot();
        h.Loop.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped()));
        h.At(1.0, robot.Start);

        h.RunTo(1.0);
        Assert.Empty(h.Outputs.Commands);
        Assert.Empty(h.Outputs.GainWrites);
        Assert.Equal(0, h.Inference.Started);

        h.RunTo(1.5);
        Assert.NotEmpty(h.Outputs.Commands);
        Assert.True(h.Outputs.Commands[0].At > h.Time(1.0), "the first command came before the first joint_states");
    }

    [Fact]
    public void Holds_position_when_joint_states_are_older_than_timeout()
    {
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        var published = h.RecordJointStates();
        h.At(2.0, () => robot.Publishing = false);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.JointStatesStale);
        var last = published.Last();
        Assert.Equal((last.At + TimeSpan.FromMilliseconds(100) - DateTimeOffset.UnixEpoch).TotalSeconds, trip.DetectedS, 9);
        Assert.InRange(trip.Reaction(), 0, Period);
        // Stale readings are never extrapolated: the hold is the last measured pose, exactly, every period after.
        var after = h.Outputs.CommandsAfter(trip.CommandedAt()).ToList();
        Assert.True(after.Count >= 40, $"only {after.Count} commands after the trip: the safe action must go out every control period");
        Assert.All(after, c => Assert.Equal(last.Positions, c.Targets));
        Assert.Equal(["joint_states_stale"], h.TrippedRules());
    }

    [Fact]
    public void Holds_position_when_the_camera_goes_stale()
    {
        var options = LoopHarness.Arm(w => w with { CameraTimeout = TimeSpan.FromMilliseconds(250) }) with { Camera = Pixels.Camera, Policy = "pixels.safetensors" };
        using var h = new LoopHarness(options, Pixels.Policy(Scenario.Moving(6)), frames: Pixels.Preprocessor());
        var robot = h.Robot();
        var images = Pixels.Stream(h);
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped()));
        h.At(2.0, () => images.Publishing = false);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.CameraStale);
        Assert.Equal((images.LastAt + TimeSpan.FromMilliseconds(250) - DateTimeOffset.UnixEpoch).TotalSeconds, trip.DetectedS, 9);
        Assert.InRange(trip.Reaction(), 0, Period);
        Assert.Contains("/camera/image_raw", trip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Quadruped_goes_to_damping_when_the_velocity_command_goes_stale()
    {
        var (h, _, state) = Scenario.Quad(LoopHarness.Quad(w => w with { TaskCommandTimeout = TimeSpan.FromMilliseconds(500) }));
        using var _ = h;
        var sent = new List<DateTimeOffset>();
        h.VelocityCommand.Subscribe(_ => sent.Add(h.Scheduler.Now));
        h.At(2.0, () => state.PublishCommand = false);

        h.RunTo(3.5);

        var trip = h.Tripped(RuleNames.TaskCommandStale);
        Assert.Equal((sent[^1] + TimeSpan.FromMilliseconds(500) - DateTimeOffset.UnixEpoch).TotalSeconds, trip.DetectedS, 9);
        Assert.InRange(trip.Reaction(), 0, Period);
        var damping = Assert.Single(h.Outputs.GainWrites, g => g.At == trip.CommandedAt());
        Assert.All(damping.Kp, kp => Assert.Equal(0, kp));
        Assert.All(damping.Kd, kd => Assert.Equal(2.0, kd));
    }

    [Fact]
    public void Quadruped_goes_to_damping_when_odometry_goes_stale()
    {
        var (h, _, state) = Scenario.Quad();
        using var _ = h;
        h.At(2.0, () => state.PublishOdometry = false);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.OdometryStale);
        Assert.InRange(trip.Reaction(), 0, Period);
        Assert.Contains(h.Outputs.GainWrites, g => g.At == trip.CommandedAt() && g.Kp.All(kp => kp == 0));
    }
}
