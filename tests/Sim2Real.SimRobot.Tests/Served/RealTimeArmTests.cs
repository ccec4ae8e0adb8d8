using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Messages.TrajectoryMsgs;
using Sim2Real.Sim.Robots;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>The arm on the wall clock, commanded as ros2_control's controllers are: held forever, or along a trajectory.</summary>
public sealed class RealTimeArmTests : IClassFixture<RealTimeArm>
{
    private const long Ms = 1_000_000;
    private readonly RealTimeArm _arm;
    private readonly double[] _home = RobotCatalog.Discover().Load("arm6").Spec.Home();

    public RealTimeArmTests(RealTimeArm arm) => _arm = arm;

    private RobotClient Client => _arm.Client;

    [Fact]
    public async Task The_last_command_is_held_forever_with_no_timeout()
    {
        var target = (double[])_home.Clone();
        target[0] = -0.5;
        target[4] = 0.8;
        await Client.JointStates.WaitFor(_ => true);
        Client.Commands.Publish(new Float64MultiArray { Data = target });
        var sent = Client.LastStampNs;

        // One command, then silence: two seconds later the arm is still there, as forward_command_controller holds it.
        var late = await Client.JointStates.WaitFor(s => RobotClient.Stamp(s) > sent + (2000 * Ms));
        Assert.Equal(-0.5, late.Position[0], 2);
        Assert.Equal(0.8, late.Position[4], 2);
    }

    [Fact]
    public async Task A_trajectory_is_followed_through_its_points_in_any_joint_order_then_its_last_point_held()
    {
        var names = RobotCatalog.Discover().Load("arm6").Spec.JointNames.Reverse().ToArray();
        var middle = (double[])_home.Clone();
        middle[2] = 1.0;
        var end = (double[])middle.Clone();
        end[0] = 0.6;
        await Client.JointStates.WaitFor(_ => true);
        var from = Client.JointStates.Count;
        Client.Trajectories.Publish(new JointTrajectory
        {
            JointNames = names,
            Points =
            [
                new JointTrajectoryPoint { Positions = [.. middle.Reverse()], TimeFromStart = new Duration { Nanosec = 500_000_000 } },
                new JointTrajectoryPoint { Positions = [.. end.Reverse()], TimeFromStart = new Duration { Sec = 1 } },
            ],
        });
        var first = await Client.JointStates.WaitFor(_ => true, from);
        var start = RobotClient.Stamp(first);

        var settled = await Client.JointStates.WaitFor(s => RobotClient.Stamp(s) > start + (2500 * Ms), from);
        Assert.Equal(0.6, settled.Position[0], 0.01);
        // The elbow carries the forearm: PD control leaves it a little below its target under gravity.
        Assert.Equal(1.0, settled.Position[2], 0.03);
        // Half way through the second segment the yaw is on its way, not yet there.
        var halfway = Client.JointStates.Snapshot()[from..].First(s => RobotClient.Stamp(s) > start + (750 * Ms));
        Assert.InRange(halfway.Position[0], 0.05, 0.55);
    }
}
