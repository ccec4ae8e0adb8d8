using Sim2Real.Core;
using Sim2Real.Sim.Randomization;
using Sim2Real.Robotics.Spec;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tests.Robots;

public sealed class RobotConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-robot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_robot_in_the_catalog_loads_with_joints_cameras_and_scenes()
    {
        var catalog = RobotCatalog.Discover();

        Assert.Contains("arm6", catalog.Names);
        Assert.Contains("quad12", catalog.Names);
        foreach (var name in catalog.Names)
        {
            var robot = catalog.Load(name);
            Assert.Equal(name, robot.Name);
            Assert.NotEmpty(robot.Joints);
            Assert.NotEmpty(robot.Cameras);
            Assert.All(robot.Scenes.Keys, scene => Assert.True(File.Exists(robot.ScenePath(scene))));
        }
    }

    [Fact]
    public void Arm6_has_six_joints_a_scene_camera_and_a_wrist_camera()
    {
        var arm = RobotCatalog.Discover().Load("arm6");

        Assert.Equal(6, arm.Joints.Count);
        Assert.Equal("scene", arm.Camera("scene").Name);
        Assert.Equal("wrist", arm.Camera("wrist").Name);
        Assert.Equal(ActionMode.PositionOffset, arm.Control.ActionMode);
        Assert.Equal(new Interval(0.8, 1.25), arm.Randomization.Physics.MassScale);
    }

    [Fact]
    public void Unknown_robot_is_refused_with_the_known_names()
    {
        var error = Assert.Throws<InvalidConfigException>(() => RobotCatalog.Discover().Load("hexapod"));

        Assert.Contains("unknown robot 'hexapod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("arm6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_camera_is_refused_with_the_robot_cameras()
    {
        var error = Assert.Throws<InvalidConfigException>(() => RobotCatalog.Discover().Load("arm6").Camera("ceiling"));

        Assert.Contains("no camera 'ceiling'", error.Message, StringComparison.Ordinal);
        Assert.Contains("wrist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_mass_scale_is_refused_naming_file_and_field()
    {
        var path = WriteArmVariant("mass_scale: [0.8, 1.25]", "mass_scale: [-0.5, 1.25]");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.Equal(path, error.Origin);
        Assert.Equal("randomization.physics.mass_scale", error.Field);
    }

    [Fact]
    public void Inverted_friction_range_is_refused_naming_the_field()
    {
        var path = WriteArmVariant("friction_scale: [0.6, 1.4]", "friction_scale: [1.4, 0.6]");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.Equal("randomization.physics.friction_scale", error.Field);
        Assert.Contains("inverted", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_latency_is_refused_because_latency_counts_control_steps()
    {
        var path = WriteArmVariant("latency_steps: [0, 1]", "latency_steps: [0, 1.5]");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.Equal("randomization.physics.latency_steps", error.Field);
    }

    [Fact]
    public void Misspelled_field_is_refused_with_its_line()
    {
        var path = WriteArmVariant("mass_scale: [0.8, 1.25]", "mass_scael: [0.8, 1.25]");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.StartsWith("line ", error.Field, StringComparison.Ordinal);
        Assert.Contains("mass_scael", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_with_one_bound_is_refused()
    {
        var path = WriteArmVariant("kp_scale: [0.9, 1.1]", "kp_scale: [0.9]");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.Contains("exactly two numbers", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_kp_is_refused_naming_the_joint_entry()
    {
        var path = WriteArmVariant("name: elbow,          position_limit_rad: [-0.2, 2.6], velocity_limit_rad_s: 3.0, effort_limit_nm: 40, kp_nm_per_rad: 150",
            "name: elbow,          position_limit_rad: [-0.2, 2.6], velocity_limit_rad_s: 3.0, effort_limit_nm: 30, kp_nm_per_rad: 0");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.Equal("joints[2].kp_nm_per_rad", error.Field);
    }

    [Fact]
    public void Standalone_randomization_file_loads_and_validates()
    {
        var path = Path.Combine(_dir, "dr.yaml");
        File.WriteAllText(path, "physics:\n  mass_scale: [0.5, 2.0]\n  latency_steps: [1, 3]\nvisual:\n  light_count: [3, 1]\n");

        var error = Assert.Throws<InvalidConfigException>(() => RandomizationConfig.Load(path));

        Assert.Equal("visual.light_count", error.Field);
    }

    [Fact]
    public void Config_joint_missing_from_the_kinematic_chain_is_refused_listing_the_chain_joints()
    {
        var path = WriteArmVariant("name: wrist_yaw,", "name: wrist_twist,");

        var error = Assert.Throws<InvalidConfigException>(() => RobotConfig.Load(path));

        Assert.Contains("wrist_twist", error.Problem, StringComparison.Ordinal);
        Assert.Contains("wrist_yaw", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_pose_that_disagrees_with_the_mjcf_keyframe_is_refused_naming_the_joint()
    {
        var path = WriteArmVariant("action_scale_rad: 1.8, home_rad: 1.6", "action_scale_rad: 1.8, home_rad: 1.5");
        var robot = RobotConfig.Load(path);

        var error = Assert.Throws<InvalidConfigException>(() => RobotModel.Load(robot, "reach").Dispose());

        Assert.Equal("joints[2].home_rad", error.Field);
        Assert.Contains("'home' keyframe", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("joints:")]
    [InlineData("cameras:")]
    [InlineData("control:")]
    [InlineData("randomization:")]
    [InlineData("scenes:")]
    public void Empty_section_is_refused_naming_it_instead_of_crashing(string section)
    {
        var path = WriteArmVariant("name: arm6", "name: arm6");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.StartsWith(section, StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith('#'));
        lines.RemoveRange(start + 1, (end < 0 ? lines.Count : end) - start - 1);
        lines[start] = section;
        File.WriteAllLines(path, lines);

        var error = Record.Exception(() => RobotConfig.Load(path));

        if (section == "cameras:")
        {
            Assert.Null(error);
            return;
        }

        var invalid = Assert.IsType<InvalidConfigException>(error);
        Assert.Equal(section.TrimEnd(':'), invalid.Field);
    }

    [Fact]
    public void Malformed_mjcf_is_refused_naming_the_scene_file()
    {
        var path = WriteArmVariant("name: arm6", "name: arm6");
        File.WriteAllText(Path.Combine(_dir, "scene.xml"), "<mujoco><worldbody><body></mujoco>");
        var robot = RobotConfig.Load(path);

        var error = Assert.Throws<Sim2Real.Sim.Bindings.MjModelLoadException>(() => RobotModel.Load(robot, "reach").Dispose());

        Assert.Contains("scene.xml", error.Message, StringComparison.Ordinal);
    }

    private string WriteArmVariant(string original, string replacement)
    {
        var source = Path.Combine(RobotCatalog.Discover().Root, "arm6");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }

        var path = Path.Combine(_dir, RobotConfig.FileName);
        var text = File.ReadAllText(path);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(original, replacement, StringComparison.Ordinal));
        return path;
    }
}
