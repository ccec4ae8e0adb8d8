using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Tasks;

public class WalkTaskTests
{
    [Theory]
    [InlineData("walk")]
    [InlineData("walk_rough")]
    public void Quadruped_holding_its_home_pose_stands_through_a_whole_episode(string task)
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = task, ActionRepeat = 4 });
        var step = env.Reset(1);
        var rewards = new List<double>();
        while (!step.IsLast)
        {
            step = env.Step(new float[12]);
            rewards.Add(step.Reward);
        }

        Assert.True(step.Truncated, "standing still must not end the episode early");
        Assert.InRange(step.Info.Metrics["torso_height_m"], 0.22, 0.32);
        Assert.All(rewards, r => Assert.True(double.IsFinite(r)));
    }

    [Fact]
    public void Observation_reports_the_commanded_velocity_and_gravity_straight_down_when_standing()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk" });

        var first = env.Reset(7);
        for (var i = 0; i < 10; i++)
        {
            first = env.Step(new float[12]);
        }

        var task = first.Observation.State[36..];
        var options = new Sim2Real.Sim.Tasks.WalkTaskOptions();
        Assert.InRange(task[0], options.CommandVxMS.Min, options.CommandVxMS.Max);
        Assert.InRange(task[11], -1.0f, -0.95f);
        Assert.Equal(task[0], (float)first.Info.Metrics["command_vx_m_s"], 5);
    }
}
