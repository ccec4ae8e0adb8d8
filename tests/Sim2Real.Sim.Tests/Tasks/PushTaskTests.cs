using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Tasks;

public class PushTaskTests
{
    [Fact]
    public void Block_on_the_goal_is_a_success_and_earns_more_than_a_block_far_from_it()
    {
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "push", ActionRepeat = 1 });
        var first = env.Reset(2);
        var task = first.Observation.State[18..];
        var block = env.Model.jnt_qposadr[env.Model.JointId("block")];
        Assert.False(first.Info.Success);
        var away = env.Step(new float[6]);

        // Slide the block onto the goal: goal = block + (goal - block), observation elements 9..10.
        env.Data.qpos[block] += task[9];
        env.Data.qpos[block + 1] += task[10];
        var onGoal = env.Step(new float[6]);

        Assert.True(onGoal.Info.Success, $"distance {onGoal.Info.Metrics["distance_m"]}");
        Assert.True(onGoal.Reward > away.Reward + 0.5);
    }
}
