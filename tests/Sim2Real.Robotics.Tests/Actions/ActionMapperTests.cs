using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Tests.Actions;

public class ActionMapperTests
{
    private static readonly RobotSpec Arm = Robots.Arm6;

    [Fact]
    public void Position_offset_targets_reach_home_plus_scaled_action_once_the_rate_limit_allows()
    {
        var mapper = new ActionMapper(Arm, "test");
        var home = Arm.Home();
        mapper.Reset(home);
        var action = new float[] { 0.5f, -0.2f, 0.1f, 0f, 0.3f, -0.4f };
        var commanded = new float[6];
        var targets = new double[6];

        for (var k = 0; k < 100; k++)
        {
            mapper.Map(action, commanded, targets);
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(home[i] + (action[i] * Arm.Joints[i].ActionScaleRad), targets[i], 12);
            Assert.Equal(action[i], commanded[i]);
        }
    }

    [Fact]
    public void Rate_limit_moves_a_target_at_most_velocity_limit_times_control_period_per_step()
    {
        var mapper = new ActionMapper(Arm, "test");
        var home = Arm.Home();
        mapper.Reset(home);
        var targets = new double[6];
        var previous = (double[])home.Clone();
        var full = new float[] { 1, -1, 1, -1, 1, -1 };

        for (var k = 0; k < 10; k++)
        {
            mapper.Map(full, new float[6], targets);
            for (var i = 0; i < 6; i++)
            {
                var step = Arm.Joints[i].VelocityLimitRadS * Arm.Control.PeriodS;
                Assert.True(Math.Abs(targets[i] - previous[i]) <= step + 1e-12, $"joint {i} moved {targets[i] - previous[i]} in one period, limit {step}");
            }

            targets.CopyTo(previous, 0);
        }

        Assert.Equal(home[0] + (10 * Arm.Joints[0].VelocityLimitRadS * Arm.Control.PeriodS), targets[0], 12);
    }

    [Fact]
    public void Actions_are_clamped_to_the_unit_range_and_targets_to_the_joint_limits()
    {
        var mapper = new ActionMapper(Arm, "test");
        mapper.Reset(Arm.Home());
        var commanded = new float[6];
        var targets = new double[6];

        for (var k = 0; k < 500; k++)
        {
            mapper.Map([5f, -5f, 5f, -5f, 5f, -5f], commanded, targets);
        }

        Assert.Equal([1f, -1f, 1f, -1f, 1f, -1f], commanded);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(Arm.Joints[i].PositionLimitRad.Contains(targets[i]), $"{Arm.Joints[i].Name} target {targets[i]} outside its limits");
        }

        // elbow: home 1.6 + 1.8 = 3.4 rad is beyond its 2.6 rad limit.
        Assert.Equal(Arm.Joints[2].PositionLimitRad.Max, targets[2], 12);
    }

    [Fact]
    public void Position_delta_moves_each_target_from_the_last_one()
    {
        var delta = Arm with { Control = Arm.Control with { ActionMode = ActionMode.PositionDelta } };
        var mapper = new ActionMapper(delta, "test");
        var home = Arm.Home();
        mapper.Reset(home);
        var targets = new double[6];
        var small = new float[] { 0.01f, 0, 0, 0, 0, 0 };

        mapper.Map(small, new float[6], targets);
        mapper.Map(small, new float[6], targets);

        Assert.Equal(home[0] + (2 * 0.01f * Arm.Joints[0].ActionScaleRad), targets[0], 12);
        Assert.Equal(home[1], targets[1]);
    }

    [Fact]
    public void Non_finite_action_is_refused_naming_the_joint_and_leaves_the_targets_as_they_were()
    {
        var mapper = new ActionMapper(Arm, "arm6/test");
        mapper.Reset(Arm.Home());
        var targets = new double[6];

        var error = Assert.Throws<NonFiniteActionException>(() => mapper.Map([0, 0, float.NaN, 0, 0, 0], new float[6], targets));

        Assert.Equal("elbow", error.Actuator);
        Assert.Contains("arm6/test", error.Message, StringComparison.Ordinal);
        Assert.Equal(Arm.Home(), mapper.Targets.ToArray());
    }
}
