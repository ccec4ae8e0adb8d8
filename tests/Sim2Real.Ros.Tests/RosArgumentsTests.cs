using Sim2Real.Core;

namespace Sim2Real.Ros.Tests;

/// <summary>The ROS arguments among what a verb's own parser left over (deploy's and launch's unmatched tokens).</summary>
public class RosArgumentsTests
{
    [Fact]
    public void Leftovers_after_ros_args_are_parsed_as_ROS_arguments()
    {
        var ros = RosArguments.ParseLeftovers(["--ros-args", "-r", "/joint_states:=/arm/joint_states", "-r", "__node:=runtime2"], "deploy");

        Assert.Equal("runtime2", ros.NodeName);
        Assert.Equal("/arm/joint_states", ros.Resolve("/joint_states", "runtime"));
    }

    [Fact]
    public void No_leftovers_are_no_ROS_arguments()
    {
        var ros = RosArguments.ParseLeftovers([], "launch");

        Assert.Equal((null, null, 0), (ros.Namespace, ros.NodeName, ros.Remaps.Count));
    }

    [Fact]
    public void A_leftover_outside_ros_args_is_refused_naming_the_verb_and_the_argument()
    {
        var e = Assert.Throws<InvalidConfigException>(() => RosArguments.ParseLeftovers(["--bogus", "--ros-args", "-r", "a:=b"], "launch"));

        Assert.Equal(("launch", "--bogus"), (e.Origin, e.Field));
        Assert.Contains("unknown argument (ROS arguments go after --ros-args)", e.Message, StringComparison.Ordinal);
    }
}
