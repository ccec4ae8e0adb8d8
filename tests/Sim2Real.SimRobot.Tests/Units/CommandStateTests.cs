using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.TrajectoryMsgs;
using Sim2Real.Sim.Robots;
using Sim2Real.SimRobot.Commands;
using Sim2Real.SimRobot.Faults;
using Sim2Real.SimRobot.Serving;
using Sim2Real.SimRobot.Serving.Inputs;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>Commands as ros2_control's controllers take them: checked, clamped, held, delayed, interpolated.</summary>
public class CommandStateTests
{
    private static readonly RobotConfig Arm = RobotCatalog.Discover().Load("arm6");

    [Fact]
    public void A_command_is_held_until_the_next_and_a_bad_one_changes_nothing()
    {
        var commands = new CommandState(new JointLimits(Arm.Spec), new Random(1));
        commands.Reset(Arm.Spec.Home());
        var target = new double[6];

        Assert.Null(commands.Receive(new PositionInput([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]), 0, null));
        Assert.Equal("the command value 2 (elbow) is NaN", commands.Receive(new PositionInput([0, 0, double.NaN, 0, 0, 0]), 0.1, null));
        Assert.StartsWith("the command has 7 values for 6 joints", commands.Receive(new PositionInput(new double[7]), 0.2, null), StringComparison.Ordinal);
        commands.Target(1e6, target);

        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], target);
        Assert.Equal((1, 1, 1), (commands.Counters.Accepted, commands.Counters.DroppedNonFinite, commands.Counters.DroppedWrongSize));
    }

    [Fact]
    public void Targets_are_clamped_to_the_joint_limits_and_counted()
    {
        var commands = new CommandState(new JointLimits(Arm.Spec), new Random(1));
        var target = new double[6];

        commands.Receive(new PositionInput([9, -9, 9, -9, 9, -9]), 0, null);
        commands.Target(0, target);

        Assert.Equal(Arm.Joints.Select((j, i) => i % 2 == 0 ? j.PositionLimitRad.Max : j.PositionLimitRad.Min), target);
        Assert.Equal(1, commands.Counters.Clamped);
    }

    [Fact]
    public void Under_a_latency_fault_commands_take_effect_late_in_the_order_they_came()
    {
        var commands = new CommandState(new JointLimits(Arm.Spec), new Random(1));
        commands.Reset(Arm.Spec.Home());
        var latency = new FaultSpec(FaultKind.CommandLatency, Magnitude: 0.04);
        var target = new double[6];
        commands.Receive(new PositionInput([0.1, 0, 0, 0, 0, 0]), 1.0, latency);
        commands.Receive(new PositionInput([0.2, 0, 0, 0, 0, 0]), 1.01, latency);

        commands.Release(1.039);
        commands.Target(1.039, target);
        Assert.Equal(Arm.Spec.Home()[0], target[0]);
        commands.Release(1.04);
        commands.Target(1.04, target);
        Assert.Equal(0.1, target[0]);
        commands.Release(1.05);
        commands.Target(1.05, target);
        Assert.Equal(0.2, target[0]);
    }

    [Fact]
    public void A_trajectory_runs_from_the_held_target_through_its_points_then_holds_the_last()
    {
        var commands = new CommandState(new JointLimits(Arm.Spec), new Random(1));
        commands.Reset(new double[6]);
        var names = Arm.Spec.JointNames.Reverse().ToArray();
        var trajectory = new JointTrajectory
        {
            JointNames = names,
            Points =
            [
                new JointTrajectoryPoint { Positions = [0, 0, 0, 0, 0, 1.0], TimeFromStart = new Duration { Sec = 1 } },
                new JointTrajectoryPoint { Positions = [0, 0, 0, 0, 0, 2.0], TimeFromStart = new Duration { Sec = 2 } },
            ],
        };
        Assert.Null(commands.Receive(new TrajectoryInput(trajectory), 10, null));
        var target = new double[6];

        // The last name in the message is the first joint in the robot's order.
        commands.Target(10.5, target);
        Assert.Equal(0.5, target[0], 12);
        commands.Target(11.5, target);
        Assert.Equal(1.5, target[0], 12);
        commands.Target(20, target);
        Assert.Equal(2.0, target[0]);
    }

    [Theory]
    [InlineData(new[] { "shoulder_yaw" }, "must name each of the 6 joints once")]
    [InlineData(new[] { "a", "b", "c", "d", "e", "f" }, "joint_names lacks 'shoulder_yaw'")]
    public void A_trajectory_for_other_joints_is_dropped(string[] names, string expected)
    {
        var commands = new CommandState(new JointLimits(Arm.Spec), new Random(1));
        var trajectory = new JointTrajectory { JointNames = names, Points = [new JointTrajectoryPoint { Positions = new double[names.Length] }] };

        Assert.Contains(expected, commands.Receive(new TrajectoryInput(trajectory), 0, null), StringComparison.Ordinal);
        Assert.Equal(1, commands.Counters.Dropped);
    }
}
