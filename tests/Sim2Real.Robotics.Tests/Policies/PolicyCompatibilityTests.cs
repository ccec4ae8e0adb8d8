using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Tests.Policies;

public class PolicyCompatibilityTests
{
    [Fact]
    public void A_policy_fits_the_robot_it_was_trained_for_without_warnings()
    {
        Assert.Empty(PolicyCompatibility.Check(Manifest(Robots.Arm6), Robots.Arm6, "p.safetensors"));
    }

    [Fact]
    public void A_same_size_robot_with_two_joints_renamed_is_refused_naming_both()
    {
        var renamed = RobotSpecFile.Load(Robots.Fixture("arm6_renamed"));

        var error = Assert.Throws<PolicyMismatchException>(() => PolicyCompatibility.Check(Manifest(Robots.Arm6), renamed, "p.safetensors"));

        Assert.Contains("missing in robot 'arm6'", error.Message, StringComparison.Ordinal);
        Assert.Contains("shoulder_yaw, wrist_roll", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown to policy p.safetensors: base_yaw, forearm_roll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_policy_period_is_refused_naming_both_periods()
    {
        var error = Assert.Throws<PolicyMismatchException>(() => PolicyCompatibility.Check(Manifest(Robots.Arm6), Robots.Arm6, "p.safetensors", actionRepeat: 3));

        Assert.Contains("policy period of 0.04 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("this world's is 0.06 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_robot_is_refused_naming_both_robots()
    {
        var error = Assert.Throws<PolicyMismatchException>(() => PolicyCompatibility.Check(Manifest(Robots.Arm6), Robots.Quad12, "p.safetensors"));

        Assert.Contains("trained for robot 'arm6'; this is robot 'quad12'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_camera_size_is_refused_naming_both_sizes()
    {
        var manifest = Manifest(Robots.Arm6) with
        {
            Observation = PolicyObservation.From(ObservationLayout.Create(ObservationLayouts.Reach, 6), new PolicyCamera
            {
                Name = "scene", Width = 640, Height = 480, OutputWidth = 84, OutputHeight = 84, FrameStack = 3,
            }),
        };

        var error = Assert.Throws<PolicyMismatchException>(() => PolicyCompatibility.Check(manifest, Robots.Arm6, "p.safetensors"));

        Assert.Contains("640x480 frames from camera 'scene'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gives 84x84", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_home_pose_is_refused_but_a_different_file_hash_alone_only_warns()
    {
        var moved = Manifest(Robots.Arm6) with
        {
            Robot = Manifest(Robots.Arm6).Robot with
            {
                Joints = [.. Manifest(Robots.Arm6).Robot.Joints.Select((j, i) => i == 2 ? j with { HomeRad = 1.5 } : j)],
            },
        };
        var rehashed = Manifest(Robots.Arm6) with { Robot = Manifest(Robots.Arm6).Robot with { ContentHash = "sha256:0000" } };

        var error = Assert.Throws<PolicyMismatchException>(() => PolicyCompatibility.Check(moved, Robots.Arm6, "p.safetensors"));
        var warnings = PolicyCompatibility.Check(rehashed, Robots.Arm6, "p.safetensors");

        Assert.Contains("joint 'elbow' home_rad is 1.5 in the policy and 1.6 on the robot", error.Message, StringComparison.Ordinal);
        Assert.Single(warnings);
        Assert.Contains("other robot files", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Joints_are_matched_by_name_whatever_order_joint_states_lists_them_in()
    {
        var order = JointMatching.Map(["a", "b", "c"], ["c", "a", "b"], "policy", "joint_states");

        Assert.Equal([1, 2, 0], order);
        Assert.Throws<PolicyMismatchException>(() => JointMatching.Map(["a", "b"], ["a", "b", "b"], "policy", "joint_states"));
    }

    [Fact]
    public void A_manifest_survives_its_json_and_a_newer_schema_is_refused()
    {
        var manifest = Manifest(Robots.Arm6);

        var back = PolicyManifest.FromJson(manifest.ToJson(), "p.safetensors");
        var error = Assert.Throws<InvalidDataException>(() => PolicyManifest.FromJson(manifest.ToJson().Replace("sim2real.policy/1", "sim2real.policy/9", StringComparison.Ordinal), "p.safetensors"));

        Assert.Equal(manifest.ToJson(), back.ToJson());
        Assert.Equal(manifest.Observation.Layout(6, "p").Size, back.Observation.Layout(6, "p").Size);
        Assert.Contains("sim2real.policy/9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renamed_fixture_is_arm6_apart_from_the_two_joint_names()
    {
        foreach (var file in new[] { "robot.yaml", "arm6.xml", "scene.xml", "kinematics.yaml" })
        {
            var fixture = File.ReadAllText(Path.Combine(Robots.Fixture("arm6_renamed"), file))
                .Replace("base_yaw", "shoulder_yaw", StringComparison.Ordinal).Replace("forearm_roll", "wrist_roll", StringComparison.Ordinal);
            Assert.Equal(File.ReadAllText(Path.Combine(Robots.Root, "robots", "arm6", file)), fixture);
        }
    }

    private static PolicyManifest Manifest(RobotSpec robot) => new()
    {
        Robot = PolicyRobot.From(robot),
        Timing = new PolicyTiming { ControlPeriodS = robot.Control.PeriodS, ActionRepeat = robot.Control.ActionRepeat },
        Observation = PolicyObservation.From(ObservationLayout.Create(ObservationLayouts.Reach, robot.Joints.Count), null),
        ActionSize = robot.Joints.Count,
        Agent = new PolicyAgent { Kind = "drqv2", ObsShape = [36], FeatureDim = 50, HiddenDim = 256, Networks = [new("actor", "actor.", "actor")] },
    };
}
