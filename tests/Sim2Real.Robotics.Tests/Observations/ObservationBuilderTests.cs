using Sim2Real.Core;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Robotics.Tests.Observations;

public class ObservationBuilderTests
{
    [Fact]
    public void Legged_gym_style_scales_offsets_and_clip_apply_element_by_element()
    {
        var quad = Robots.Quad12;
        var layout = ObservationLayout.Create(
        [
            new() { Name = "base_lin_vel", Source = ObservationSource.BaseLinearVelocity, Scale = [2.0] },
            new() { Name = "commands", Source = ObservationSource.VelocityCommand, Scale = [2.0, 2.0, 0.25] },
            new() { Name = "dof_pos", Source = ObservationSource.JointPosition, OffsetHome = true },
            new() { Name = "dof_vel", Source = ObservationSource.JointVelocity, Scale = [0.05], Clip = 0.5 },
        ], quad.Joints.Count);
        var inputs = new ObservationInputs(12);
        inputs.VelocityCommand[0] = 1.0;
        inputs.VelocityCommand[2] = 2.0;
        inputs.Base = new BaseState(Pose.Identity, new Vec3(0.5, 0, 0), Vec3.Zero);
        var home = quad.Home();
        for (var i = 0; i < 12; i++)
        {
            inputs.JointPositions[i] = home[i] + 0.1;
            inputs.JointVelocities[i] = i * 3.0;
        }

        var state = new float[layout.Size];
        new ObservationBuilder(layout, quad).Build(inputs, state);

        Assert.Equal(3 + 3 + 12 + 12, layout.Size);
        Assert.Equal([1f, 0f, 0f], state[..3]);
        Assert.Equal([2f, 0f, 0.5f], state[3..6]);
        Assert.All(state[6..18], v => Assert.Equal((float)0.1, v, 6));
        Assert.Equal(0f, state[18]);
        Assert.Equal((float)(3.0 * 0.05), state[19]);
        Assert.Equal(0.5f, state[29]);
    }

    [Fact]
    public void Unscaled_fields_are_the_measured_values_rounded_once_to_float()
    {
        var arm = Robots.Arm6;
        var layout = ObservationLayout.Create(ObservationLayouts.Reach, 6);
        var inputs = new ObservationInputs(6);
        var home = arm.Home();
        var random = new Random(4);
        for (var i = 0; i < 6; i++)
        {
            inputs.JointPositions[i] = home[i] + random.NextDouble() - 0.5;
            inputs.JointVelocities[i] = random.NextDouble();
            inputs.PreviousAction[i] = (float)random.NextDouble();
        }

        inputs.Target[0] = 0.31;
        var state = new float[layout.Size];
        new ObservationBuilder(layout, arm).Build(inputs, state);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal((float)(inputs.JointPositions[i] - home[i]), state[i]);
            Assert.Equal((float)inputs.JointVelocities[i], state[6 + i]);
            Assert.Equal(inputs.PreviousAction[i], state[12 + i]);
        }

        Assert.Equal((float)0.31, state[18]);
    }

    [Fact]
    public void Base_velocity_and_gravity_are_expressed_in_the_base_frame()
    {
        var quad = Robots.Quad12;
        var layout = ObservationLayout.Create(ObservationLayouts.Walk, 12);
        var inputs = new ObservationInputs(12) { };
        // Yawed 90 degrees: world +x is the base's -y; pitched bases would tilt gravity.
        var yaw = Quat.FromAxisAngle(new Vec3(0, 0, 1), Math.PI / 2);
        inputs.Base = new BaseState(new Pose(new Vec3(0, 0, 0.28), yaw), new Vec3(1, 0, 0), new Vec3(0, 0, 0.7));
        var state = new float[layout.Size];
        new ObservationBuilder(layout, quad).Build(inputs, state);

        var velocity = layout.Slice(state, "base_lin_vel").ToArray();
        Assert.Equal(0, velocity[0], 6);
        Assert.Equal(-1, velocity[1], 6);
        Assert.Equal([0f, 0f, 0.7f], layout.Slice(state, "base_ang_vel").ToArray());
        var gravity = layout.Slice(state, "projected_gravity").ToArray();
        Assert.Equal(-1, gravity[2], 6);
        Assert.Equal((float)0.28, layout.Slice(state, "base_height")[0]);
    }

    [Fact]
    public void A_layout_reading_odometry_is_refused_for_a_fixed_base_robot()
    {
        var layout = ObservationLayout.Create(ObservationLayouts.Walk, 6);

        var error = Assert.Throws<InvalidConfigException>(() => new ObservationBuilder(layout, Robots.Arm6));

        Assert.Contains("'base_lin_vel' needs a floating base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_reading_the_end_effector_is_refused_for_a_robot_without_one()
    {
        var layout = ObservationLayout.Create(ObservationLayouts.Reach, 12);

        var error = Assert.Throws<InvalidConfigException>(() => new ObservationBuilder(layout, Robots.Quad12));

        Assert.Equal("end_effector_site", error.Field);
    }

    [Theory]
    [InlineData("scale")]
    [InlineData("offset")]
    [InlineData("clip")]
    [InlineData("name")]
    [InlineData("size")]
    public void A_malformed_field_is_refused_naming_it(string problem)
    {
        ObservationField field = problem switch
        {
            "scale" => new() { Name = "q", Source = ObservationSource.JointPosition, Scale = [1, 2] },
            "offset" => new() { Name = "q", Source = ObservationSource.JointVelocity, OffsetHome = true },
            "clip" => new() { Name = "q", Source = ObservationSource.JointPosition, Clip = 0 },
            "name" => new() { Name = "", Source = ObservationSource.JointPosition },
            _ => new() { Name = "q", Source = ObservationSource.TaskState },
        };

        var error = Assert.Throws<InvalidConfigException>(() => ObservationLayout.Create([field], 6, "sidecar.yaml"));

        Assert.Equal("sidecar.yaml", error.Origin);
        Assert.Equal($"observation[0].{problem}", error.Field);
    }
}
