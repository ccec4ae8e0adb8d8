using Sim2Real.Core;
using Sim2Real.Robotics.Kinematics;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Tests.Spec;

public sealed class RobotSpecTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-spec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Arm6_spec_carries_joints_home_timing_cameras_and_intrinsics()
    {
        var arm = Robots.Arm6;

        Assert.Equal(["shoulder_yaw", "shoulder_pitch", "elbow", "wrist_pitch", "wrist_roll", "wrist_yaw"], arm.JointNames);
        Assert.Equal([0, 0.3, 1.6, 1.2, 0, 0], arm.Home());
        Assert.Equal(0.02, arm.Control.PeriodS);
        Assert.Equal(0.04, arm.Control.PolicyPeriodS, 12);
        var scene = arm.Camera("scene");
        Assert.Equal(50, scene.FovyDeg);
        Assert.Equal(42 / Math.Tan(25 * Math.PI / 180), scene.FocalLengthPx, 9);
        Assert.Equal((41.5, 41.5), scene.PrincipalPoint);
        Assert.StartsWith("sha256:", arm.ContentHash, StringComparison.Ordinal);
        Assert.False(arm.FloatingBase);
        Assert.True(Robots.Quad12.FloatingBase);
    }

    [Fact]
    public void The_content_hash_changes_with_the_robot_files()
    {
        var copy = Copy();
        File.AppendAllText(Path.Combine(copy, "arm6.xml"), "\n<!-- edited -->\n");

        Assert.NotEqual(Robots.Arm6.ContentHash, RobotSpecFile.Load(copy).ContentHash);
    }

    [Fact]
    public void A_missing_kinematics_file_is_refused_saying_how_to_export_it()
    {
        var copy = Copy();
        File.Delete(Path.Combine(copy, KinematicChain.FileName));

        var error = Assert.Throws<InvalidConfigException>(() => RobotSpecFile.Load(copy));

        Assert.Contains("sim export-kinematics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_period_that_is_not_a_whole_number_of_physics_steps_is_refused()
    {
        var copy = Copy();
        var yaml = Path.Combine(copy, "robot.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("period_s: 0.02 ", "period_s: 0.021 ", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidConfigException>(() => RobotSpecFile.Load(copy));

        Assert.Equal("control.period_s", error.Field);
    }

    [Fact]
    public void A_kinematics_file_survives_its_own_text()
    {
        var chain = Robots.Quad12.Kinematics;
        var path = Path.Combine(_dir, "kinematics.yaml");
        File.WriteAllText(path, KinematicChainFile.ToYaml(chain, "test"));

        var back = KinematicChainFile.Load(path);

        Assert.Equal(KinematicChainFile.ToYaml(chain, "test"), KinematicChainFile.ToYaml(back, "test"));
        Assert.Equal("root", back.FreeJoint!.Name);
    }

    [Fact]
    public void A_robot_without_cameras_loads_and_names_robot_yaml_cameras_when_one_is_needed()
    {
        var copy = Copy();
        var yaml = Path.Combine(copy, "robot.yaml");
        var lines = File.ReadAllLines(yaml).ToList();
        var start = lines.FindIndex(l => l.StartsWith("cameras:", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && !char.IsWhiteSpace(l[0]));
        lines.RemoveRange(start, end - start);
        lines.Insert(start, "cameras:");
        File.WriteAllLines(yaml, lines);

        var spec = RobotSpecFile.Load(copy);
        var error = Assert.Throws<InvalidConfigException>(() => spec.DefaultCamera("filming"));

        Assert.Empty(spec.Cameras);
        Assert.Equal("cameras", error.Field);
        Assert.Equal(yaml, error.Origin);
        Assert.Contains("has no cameras, and filming needs one", error.Message, StringComparison.Ordinal);
        Assert.Equal("scene", Robots.Arm6.DefaultCamera("filming").Name);
    }

    private string Copy()
    {
        var source = Path.Combine(Robots.Root, "robots", "arm6");
        var target = Path.Combine(_dir, "arm6");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
