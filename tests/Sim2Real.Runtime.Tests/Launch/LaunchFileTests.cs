using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Runtime.Hosting;
using Sim2Real.Runtime.Launch;
using Sim2Real.Runtime.Recording;
using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Launch;

/// <summary>Deployment descriptions are typed and checked at load: every mistake names the file and the field.</summary>
public sealed class LaunchFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _policy;

    public LaunchFileTests()
    {
        _policy = TinyPolicy.Write(_dir.File("arm6-policy"), Repo.Arm6, ObservationLayouts.Reach);
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("arm6_reach_sim.yaml", "arm6", ClockSource.Sim)]
    [InlineData("quad12_walk_sim.yaml", "quad12", ClockSource.Sim)]
    [InlineData("arm6_reach_wall.yaml", "arm6", ClockSource.Wall)]
    [InlineData("arm6_reach_pixels_sim.yaml", "arm6", ClockSource.Sim)]
    public void Loads_each_shipped_launch_file(string file, string robot, ClockSource clock)
    {
        var d = DeploymentFile.Load(Repo.Launch(file), _policy);
        Assert.Equal(robot, d.Robot.Name);
        Assert.Equal(clock, d.Clock);
        Assert.NotNull(d.Simulator);
        Assert.Equal(0.02, d.ControlPeriodS);
        Assert.Equal("/joint_states", d.Topics.JointStates.Name);
        Assert.True(d.Logging.Record, "deployments are recorded by default");
        Assert.Equal(TimeSpan.FromSeconds(0.1), d.Watchdogs.JointStatesTimeout);
    }

    [Fact]
    public void Shipped_quadruped_launch_file_configures_every_floating_base_rule_and_damping()
    {
        var d = DeploymentFile.Load(Repo.Launch("quad12_walk_sim.yaml"), _policy);
        Assert.Equal(1.0, d.Watchdogs.TiltLimitRad);
        Assert.NotNull(d.Watchdogs.MinBaseHeightM);
        Assert.NotNull(d.Watchdogs.FootContact);
        Assert.NotNull(d.Watchdogs.OdometryTimeout);
        Assert.Equal(Robotics.Spec.SafeActionKind.Damping, d.SafeAction.Kind);
    }

    [Fact]
    public void Arm_launch_file_plans_against_an_arm6_reach_policy()
    {
        var d = DeploymentFile.Load(Repo.Launch("arm6_reach_sim.yaml"), _policy);
        var plan = DeploymentPlan.Create(d, PolicyFile(_policy), _policy);
        Assert.True(plan.TaskIsTarget);
        Assert.Equal("/target", plan.TaskCommand!.Name);
        Assert.Equal(Robotics.Spec.SafeActionKind.Hold, plan.Loop.SafeAction.Kind);
    }

    [Fact]
    public void Ros_args_remap_topics_and_rename_the_node_as_rcl_does()
    {
        var (ros, _) = Ros.RosArguments.Split(["--ros-args", "-r", "/joint_states:=/arm/joint_states", "-r", "/target:=/arm/goal", "-r", "__ns:=/arm", "-r", "__node:=runtime2"]);
        var d = DeploymentFile.Load(Repo.Launch("arm6_reach_sim.yaml"), _policy).With(ros);
        Assert.Equal("/arm/joint_states", d.Topics.JointStates.Name);
        Assert.Equal("/arm/goal", d.Topics.TaskCommand(target: true).Name);
        Assert.Equal("/forward_position_controller/commands", d.Topics.Commands.Name);
        Assert.Equal(("runtime2", "/arm"), (d.Node.Name, d.Node.Namespace));
    }

    [Fact]
    public void Refuses_an_unknown_field_naming_it()
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6("watchdogs:\n  joint_states_stale: { timeout_s: 0.1 }\n  joint_state_timeout: { timeout_s: 0.1 }\n")));
        Assert.Contains("joint_state_timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_control_period_naming_the_field()
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6(rates: "rates: { action_repeat: 2 }\n")));
        Assert.Contains("rates.control_period_s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_the_control_and_policy_threads_under_sched_fifo_only_when_the_launch_file_asks()
    {
        Assert.Equal(0, Load(Arm6()).ThreadPriority);
        Assert.Equal(50, Load(Arm6(rates: "rates: { control_period_s: 0.02, action_repeat: 2, thread_priority: 50 }\n")).ThreadPriority);
        Assert.Equal(50, DeploymentFile.Load(Repo.Launch("arm6_reach_wall.yaml"), _policy).ThreadPriority);
    }

    [Fact]
    public void Runs_inference_on_one_thread_unless_the_launch_file_asks_for_more()
    {
        Assert.Equal(1, Load(Arm6()).InferenceThreads);
        Assert.Equal(2, Load(Arm6(rates: "rates: { control_period_s: 0.02, action_repeat: 2, inference_threads: 2 }\n")).InferenceThreads);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public void Refuses_an_inference_thread_count_out_of_range_naming_the_field(string threads)
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6(rates: $"rates: {{ control_period_s: 0.02, action_repeat: 2, inference_threads: {threads} }}\n")));
        Assert.Contains("rates.inference_threads", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100")]
    public void Refuses_a_thread_priority_outside_sched_fifo_naming_the_field(string priority)
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6(rates: $"rates: {{ control_period_s: 0.02, action_repeat: 2, thread_priority: {priority} }}\n")));
        Assert.Contains("rates.thread_priority", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_joint_states_timeout()
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6("watchdogs:\n  deadline_miss: { consecutive: 3 }\n")));
        Assert.Contains("joint_states_stale", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    public void Refuses_a_timeout_at_or_below_zero(string timeout)
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6($"watchdogs:\n  joint_states_stale: {{ timeout_s: {timeout} }}\n  deadline_miss: {{ consecutive: 3 }}\n")));
        Assert.Contains("watchdogs.joint_states_stale.timeout_s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_inverted_joint_limit()
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6(Watchdogs + "limits:\n  position_limit_rad:\n    elbow: [1.0, 0.5]\n")));
        Assert.Contains("limits.position_limit_rad.elbow", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_limit_for_a_joint_the_robot_lacks()
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6(Watchdogs + "limits:\n  position_limit_rad:\n    elbow_roll: [-0.5, 0.5]\n")));
        Assert.Contains("elbow_roll", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_unknown_image_recording_mode()
    {
        var e = Assert.Throws<InvalidConfigException>(() => Load(Arm6(Watchdogs + "logging: { images: h264 }\n")));
        Assert.Contains("logging.images", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Logging_options_reach_the_recorder()
    {
        var d = Load(Arm6(Watchdogs + "logging: { images: compressed, image_rate_hz: 5, compression: lz4, flush_interval_s: 0.5 }\n"));
        Assert.Equal(ImageRecording.Compressed, d.Recording.Images);
        Assert.Equal(5, d.Recording.ImageRateHz);
        Assert.Equal(Mcap.Format.McapCompression.Lz4, d.Recording.Compression);
        Assert.Equal(TimeSpan.FromSeconds(0.5), d.Recording.FlushInterval);
    }

    [Fact]
    public void Refuses_a_policy_trained_for_another_robot()
    {
        var quad = TinyPolicy.Write(_dir.File("quad-policy"), Repo.Quad12, ObservationLayouts.Walk);
        var d = Load(Arm6(Watchdogs), quad);
        var e = Assert.Throws<PolicyMismatchException>(() => DeploymentPlan.Create(d, PolicyFile(quad), quad));
        Assert.Contains("quad12", e.Message, StringComparison.Ordinal);
        Assert.Contains("arm6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_policy_whose_period_differs_from_the_launch_file()
    {
        var slow = TinyPolicy.Write(_dir.File("slow-policy"), Repo.Arm6, ObservationLayouts.Reach, actionRepeat: 4);
        var d = Load(Arm6(Watchdogs), slow);
        var e = Assert.Throws<PolicyMismatchException>(() => DeploymentPlan.Create(d, PolicyFile(slow), slow));
        Assert.Contains("action repeat 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_policy_file_naming_it()
    {
        var e = Assert.Throws<InvalidConfigException>(() => DeploymentFile.Load(Arm6(Watchdogs), _dir.File("absent.safetensors")));
        Assert.Contains("--policy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_names_of_the_launch_file_are_the_rule_names_everywhere()
    {
        var fields = typeof(WatchdogsSection).GetProperties().Select(p => YamlName(p.Name)).ToList();
        Assert.All(fields, f => Assert.Contains(f, RuleNames.Trippable));
    }

    private const string Watchdogs = "watchdogs:\n  joint_states_stale: { timeout_s: 0.1 }\n  deadline_miss: { consecutive: 3 }\n";

    private static string YamlName(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static PolicyManifest PolicyFile(string path) => Learning.Policies.PolicyFile.ReadManifest(path);

    private DeploymentDescription Load(string launch, string? policy = null) => DeploymentFile.Load(launch, policy ?? _policy);

    private string Arm6(string watchdogs = Watchdogs, string rates = "rates: { control_period_s: 0.02, action_repeat: 2 }\n")
    {
        var path = _dir.File($"launch-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"robot: {Path.Combine(Repo.Root, "robots", "arm6")}\npolicy: policy.safetensors\n{rates}{watchdogs}");
        return path;
    }
}
