using System.Globalization;
using Sim2Real.Sim.Robots;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>
/// The served robot as a program sharing nothing with ours sees it: a plain Cyclone DDS C client built from idlc's
/// output (s2r_ddspeer) reads the joint states and commands the arm, in a process of its own; the robot runs in a
/// namespace with its command topic remapped, as ROS's <c>--ros-args -r</c> asks.
/// </summary>
public sealed class CPeerTests
{
    [Fact]
    public async Task A_C_client_built_from_idlc_output_reads_joint_states_and_commands_a_namespaced_remapped_robot()
    {
        var spec = RobotCatalog.Discover().Load("arm6").Spec;
        using var robot = await ServedRobot.StartAsync("--robot", "arm6", "--no-cameras",
            "--ros-args", "-r", "__ns:=/robot1", "-r", "forward_position_controller/commands:=commands");
        Assert.Contains("/robot1/commands [std_msgs/msg/Float64MultiArray]", robot.ServedTopics);
        Assert.Contains("/robot1/joint_states [sensor_msgs/msg/JointState]", robot.ServedTopics);
        Assert.Contains("/tf [tf2_msgs/msg/TFMessage]", robot.ServedTopics);
        var target = spec.Home();
        target[0] = 0.4;
        target[2] = 1.9;

        using var peer = System.Diagnostics.Process.Start(ServeTestEnvironment.Start(ServeTestEnvironment.CPeer,
            ["jointcmd", "/robot1/joint_states", "/robot1/commands", "1500", .. target.Select(t => t.ToString("R", CultureInfo.InvariantCulture))]))!;
        var stdout = peer.StandardOutput.ReadToEndAsync();
        var stderr = peer.StandardError.ReadToEndAsync();
        await peer.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(peer.ExitCode == 0, $"peer failed ({peer.ExitCode}): {await stdout} {await stderr}");
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("names " + string.Join(',', spec.JointNames), lines[0]);
        var positions = lines[1].Split(' ')[1..].Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0.4, positions[0], 1);
        Assert.Equal(1.9, positions[2], 1);
    }
}
