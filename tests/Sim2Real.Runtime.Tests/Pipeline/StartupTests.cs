using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Pipeline;

public class StartupTests
{
    [Fact]
    public void Refuses_joint_states_with_an_unknown_joint_and_commands_nothing()
    {
        var options = LoopHarness.Arm();
        using var h = new LoopHarness(options, LoopHarness.Constant(options, new float[6]));
        h.Loop.Start();
        var names = Repo.Arm6.JointNames.ToArray();
        names[2] = "elbow_joint";
        h.At(0.01, () => h.JointStates.OnNext(new JointState { Name = names, Position = new double[6], Velocity = new double[6] }));
        h.At(0.015, () => h.Target.OnNext(new PointStamped()));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Refused, h.Loop.State);
        Assert.Contains("/joint_states", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Contains("elbow_joint", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Contains("missing in /joint_states: elbow", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Empty(h.Outputs.Commands);
    }

    [Fact]
    public void Refuses_joint_states_with_a_missing_joint()
    {
        var options = LoopHarness.Arm();
        using var h = new LoopHarness(options, LoopHarness.Constant(options, new float[6]));
        h.Loop.Start();
        h.At(0.01, () => h.JointStates.OnNext(new JointState { Name = [.. Repo.Arm6.JointNames.Take(5)], Position = new double[5] }));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Refused, h.Loop.State);
        Assert.Contains("missing in /joint_states: wrist_yaw", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Empty(h.Outputs.Commands);
    }

    [Fact]
    public void Matches_joints_by_name_not_by_position()
    {
        var options = LoopHarness.Arm();
        using var h = new LoopHarness(options, LoopHarness.Constant(options, new float[6]));
        h.Loop.Start();
        var home = Repo.Arm6.Home();
        var order = new[] { 5, 4, 3, 2, 1, 0 };
        h.Scheduler.SchedulePeriodic(TimeSpan.FromMilliseconds(10), () => h.JointStates.OnNext(new JointState
        {
            Name = [.. order.Select(i => Repo.Arm6.JointNames[i])],
            Position = [.. order.Select(i => home[i])],
            Velocity = new double[6],
        }));
        h.At(0.005, () => h.Target.OnNext(new PointStamped()));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Running, h.Loop.State);
        Assert.Equal(home, h.Outputs.Commands[^1].Targets);
    }

    [Fact]
    public void Refuses_to_start_when_an_input_never_arrives()
    {
        var options = LoopHarness.Arm();
        using var h = new LoopHarness(options, LoopHarness.Constant(options, new float[6]));
        var robot = h.Robot();
        h.Loop.Start();
        robot.Start();

        h.RunTo(6.0);

        Assert.Equal(LoopState.Refused, h.Loop.State);
        Assert.Contains("/target", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("/joint_states", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Empty(h.Outputs.Commands);
    }

    [Fact]
    public void Running_joint_states_that_turn_invalid_trip_and_hold_the_last_good_pose()
    {
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        var published = h.RecordJointStates();
        h.At(2.0, () => robot.Names = [.. Repo.Arm6.JointNames.Select(n => n == "wrist_roll" ? "gripper" : n)]);

        h.RunTo(3.0);

        var trip = h.Tripped(Sim2Real.Runtime.Safety.RuleNames.JointStatesInvalid);
        Assert.Equal(0, trip.Reaction());
        Assert.Contains("gripper", trip.Reason, StringComparison.Ordinal);
        var lastGood = published.Last(s => s.At < h.Time(2.0)).Positions;
        Assert.All(h.Outputs.CommandsAfter(trip.CommandedAt()), c => Assert.All(c.Targets, t => Assert.True(double.IsFinite(t))));
        Assert.InRange(Math.Abs(lastGood[0] - h.Outputs.Commands[^1].Targets[0]), 0, 0.2);
    }

    [Fact]
    public void Non_finite_readings_are_refused_at_start_up()
    {
        var options = LoopHarness.Arm();
        using var h = new LoopHarness(options, LoopHarness.Constant(options, new float[6]));
        h.Loop.Start();
        var positions = Repo.Arm6.Home();
        positions[4] = double.NaN;
        h.At(0.01, () => h.JointStates.OnNext(new JointState { Name = [.. Repo.Arm6.JointNames], Position = positions, Velocity = new double[6] }));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Refused, h.Loop.State);
        Assert.Contains("wrist_roll", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Empty(h.Outputs.Commands);
    }
}
