using Sim2Real.Core;
using Sim2Real.Ros;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>ROS 2's --ros-args habits as rcl resolves them: namespace, node name, remaps (sim serve takes them).</summary>
public class RosArgumentsTests
{
    [Fact]
    public void Arguments_after_ros_args_are_ros_ones_up_to_a_lone_double_dash()
    {
        var (ros, others) = RosArguments.Split(["--robot", "arm6", "--ros-args", "-r", "__ns:=/robot1", "--", "--seed", "3"]);

        Assert.Equal("/robot1", ros.Namespace);
        Assert.Equal(["--robot", "arm6", "--seed", "3"], others);
    }

    [Fact]
    public void A_namespace_prefixes_relative_names_and_leaves_absolute_ones()
    {
        var ros = RosArguments.Parse(["-r", "__ns:=/robot1"]);

        Assert.Equal("/robot1/joint_states", ros.Resolve("joint_states", "sim_serve"));
        Assert.Equal("/robot1/forward_position_controller/commands", ros.Resolve("forward_position_controller/commands", "sim_serve"));
        Assert.Equal("/tf", ros.Resolve("/tf", "sim_serve"));
    }

    [Fact]
    public void A_remap_matches_the_expanded_name_and_the_first_matching_rule_wins()
    {
        var ros = RosArguments.Parse(["-r", "__ns:=/robot1", "--remap", "joint_states:=states", "-r", "/robot1/joint_states:=/other", "-r", "/clock:=/robot1/clock"]);

        Assert.Equal("/robot1/states", ros.Resolve("joint_states", "sim_serve"));
        Assert.Equal("/robot1/clock", ros.Resolve("/clock", "sim_serve"));
        Assert.Equal("/robot1/imu", ros.Resolve("imu", "sim_serve"));
    }

    [Fact]
    public void A_rule_for_one_node_leaves_other_nodes_alone_and_node_renames_it()
    {
        var ros = RosArguments.Parse(["-r", "sim_serve:imu:=imu/data", "-r", "__node:=robot_sim"]);

        Assert.Equal("robot_sim", ros.NodeName);
        Assert.Equal("/imu", ros.Resolve("imu", "sim_serve"));
        Assert.Equal("/imu/data", RosArguments.Parse(["-r", "robot_sim:imu:=imu/data", "-r", "__node:=robot_sim"]).Resolve("imu", "sim_serve"));
    }

    [Theory]
    [InlineData(new[] { "-p", "x:=1" }, "--ros-args: -p: not a ROS argument taken here")]
    [InlineData(new[] { "-r" }, "--ros-args: -r: needs a rule")]
    [InlineData(new[] { "-r", "joint_states" }, "--ros-args: joint_states: a remapping rule is from:=to")]
    [InlineData(new[] { "-r", "__ns:=robot1" }, "'robot1' is not a valid namespace")]
    [InlineData(new[] { "-r", "~/cmd:=cmd" }, "private (~) and substituted ({}) names are not supported")]
    public void A_malformed_rule_is_refused_naming_it(string[] args, string expected)
    {
        var error = Assert.Throws<InvalidConfigException>(() => RosArguments.Parse(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
