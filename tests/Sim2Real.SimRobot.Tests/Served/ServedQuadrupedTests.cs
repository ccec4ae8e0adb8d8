using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Sim.Robots;
using Sim2Real.SimRobot.Sensors;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>The served quadruped: its joint-state rate, base sensors, velocity command, tf and a fault from the command line.</summary>
public sealed class ServedQuadrupedTests : IClassFixture<ServedQuadruped>
{
    private const long Ms = 1_000_000;
    private readonly ServedQuadruped _quad;

    public ServedQuadrupedTests(ServedQuadruped quad) => _quad = quad;

    [Fact]
    public async Task A_silent_client_never_stalls_the_clock_and_joint_states_come_at_250_Hz_in_joint_order()
    {
        var first = await _quad.Client.JointStates.WaitFor(_ => true);
        var later = await _quad.Client.JointStates.WaitFor(s => RobotClient.Stamp(s) >= RobotClient.Stamp(first) + (200 * Ms));

        var run = _quad.Client.JointStates.Snapshot().Where(s => RobotClient.Stamp(s) > RobotClient.Stamp(first) && RobotClient.Stamp(s) <= RobotClient.Stamp(later)).Select(RobotClient.Stamp).Distinct().ToArray();
        // A legged robot's default: every second 2 ms physics step, 4 ms apart on the simulated clock.
        Assert.All(run.Zip(run.Skip(1), (a, b) => b - a), gap => Assert.Equal(4 * Ms, gap));
        Assert.Equal(RobotCatalog.Discover().Load("quad12").Spec.JointNames, later.Name);
    }

    [Fact]
    public async Task The_base_publishes_odometry_imu_and_foot_contacts_of_a_standing_robot()
    {
        var odom = await _quad.Odometry.WaitFor(o => RosConvert.Nanoseconds(o.Header.Stamp) > 300 * Ms);
        var imu = await _quad.Imu.WaitFor(i => RosConvert.Nanoseconds(i.Header.Stamp) > 300 * Ms);
        var contacts = await _quad.Contacts.WaitFor(c => RosConvert.Nanoseconds(c.Header.Stamp) > 300 * Ms);

        Assert.Equal(("odom", "torso"), (odom.Header.FrameId, odom.ChildFrameId));
        Assert.InRange(odom.Pose.Pose.Position.Z, 0.15, 0.4);
        Assert.Equal("imu", imu.Header.FrameId);
        // Standing still, the accelerometer reads the ground's push: about +g along the torso's up axis.
        Assert.InRange(imu.LinearAcceleration.Z, 8.0, 11.5);
        Assert.Equal(["FL_foot", "FR_foot", "RL_foot", "RR_foot"], contacts.Name);
        Assert.True(contacts.InContact.Count(c => c) >= 3, $"feet in contact: {string.Join(", ", contacts.InContact)}");
    }

    [Fact]
    public async Task Tf_places_every_link_as_robot_state_publisher_would_from_odom()
    {
        var tf = await _quad.Tf.WaitFor(t => t.Transforms.Length > 0 && RosConvert.Nanoseconds(t.Transforms[0].Header.Stamp) > 100 * Ms);
        var children = tf.Transforms.Select(t => t.ChildFrameId).ToHashSet();

        Assert.Contains(tf.Transforms, t => t.Header.FrameId == "odom" && t.ChildFrameId == "torso");
        Assert.Contains(tf.Transforms, t => t.Header.FrameId == "FL_calf" && t.ChildFrameId == "FL_foot");
        Assert.Contains(tf.Transforms, t => t.Header.FrameId == "front" && t.ChildFrameId == "front_optical_frame");
        Assert.Superset(new HashSet<string> { "torso", "FL_hip", "FL_thigh", "FL_calf", "RR_calf", "imu", "front", "track" }, children);
    }

    [Fact]
    public async Task A_velocity_command_on_cmd_vel_becomes_the_task_command_the_walk_is_scored_against()
    {
        _quad.CmdVel.Publish(new Twist { Linear = new Vector3 { X = 0.35 } });

        var metrics = await _quad.Client.Metrics.WaitFor(m => m.Names.Contains("command_vx_m_s") && m.Values[Array.IndexOf(m.Names, "command_vx_m_s")] == 0.35);
        Assert.Equal("walk", metrics.Task);
    }

    [Fact]
    public async Task A_push_scheduled_on_the_command_line_is_announced_at_its_time_and_shoves_the_torso_sideways()
    {
        var started = await _quad.Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == _quad.Client.Status("push") && s.Level == DiagnosticStatus.WARN));
        var ended = await _quad.Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == _quad.Client.Status("push") && s.Level == DiagnosticStatus.OK));

        Assert.Equal(1000 * Ms, RosConvert.Nanoseconds(started.Header.Stamp));
        Assert.Equal(1200 * Ms, RosConvert.Nanoseconds(ended.Header.Stamp));
        var before = await _quad.Odometry.WaitFor(o => RosConvert.Nanoseconds(o.Header.Stamp) == 1000 * Ms);
        var after = await _quad.Odometry.WaitFor(o => RosConvert.Nanoseconds(o.Header.Stamp) == 1200 * Ms);
        Assert.True(after.Pose.Pose.Position.Y - before.Pose.Pose.Position.Y > 0.02, $"torso moved {after.Pose.Pose.Position.Y - before.Pose.Pose.Position.Y:0.####} m along y");
    }
}
