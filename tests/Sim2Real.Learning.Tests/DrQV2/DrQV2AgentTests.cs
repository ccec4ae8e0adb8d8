using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.DrQV2;

public class DrQV2AgentTests
{
    private static readonly DrQV2Config Small = new() { FeatureDim = 8, HiddenDim = 16, NumExplSteps = 0 };

    private static TransitionBatch StateBatch(long b, long d, long a) => new(
        Tensor.RandN([b, d]), Tensor.RandN([b, a]).Clamp(-1, 1), Tensor.RandN([b, 1]), Tensor.Full([b, 1], 0.99 * 0.99 * 0.99), Tensor.RandN([b, d]));

    [Fact]
    public void State_agent_has_no_encoder_parameters_and_reference_names_elsewhere()
    {
        using var agent = new DrQV2Agent(Small, [6], 2);
        var names = agent.NamedParameters().Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("encoder.", StringComparison.Ordinal));
        Assert.Contains("actor.trunk.0.weight", names);
        Assert.Contains("actor.policy.0.weight", names);
        Assert.Contains("critic.Q2.4.bias", names);
        Assert.Contains("critic_target.Q1.0.weight", names);
        Assert.Null(agent.EncoderOptimizer);
    }

    [Fact]
    public void Critic_target_starts_equal_to_critic_then_follows_by_ema()
    {
        Torch.ManualSeed(1);
        using var agent = new DrQV2Agent(Small, [6], 2);
        using var scope = TensorScope.Begin();
        var before = agent.CriticTarget.Parameters().Select(p => p.Clone()).ToList();
        Assert.All(agent.Critic.Parameters().Zip(before), pair => Assert.Equal(pair.First.ToArray<float>(), pair.Second.ToArray<float>()));
        var metrics = agent.Update(StateBatch(4, 6, 2), step: 0);
        Assert.True(double.IsFinite(metrics.Critic.CriticLoss) && double.IsFinite(metrics.Actor.ActorLoss));
        var critic = agent.Critic.Parameters();
        var target = agent.CriticTarget.Parameters();
        for (var i = 0; i < critic.Count; i++)
        {
            var expected = ((critic[i] * 0.01) + (before[i] * 0.99)).ToArray<float>();
            var actual = target[i].ToArray<float>();
            for (var j = 0; j < expected.Length; j++)
            {
                Assert.True(Math.Abs(expected[j] - actual[j]) < 1e-6f, $"target parameter {i} element {j}");
            }
        }
    }

    [Fact]
    public void Actor_update_changes_only_the_actor()
    {
        Torch.ManualSeed(2);
        using var agent = new DrQV2Agent(Small, [6], 2);
        using var scope = TensorScope.Begin();
        var critic = agent.Critic.Parameters().Select(p => p.Clone()).ToList();
        var actor = agent.Actor.Parameters().Select(p => p.Clone()).ToList();
        agent.UpdateActor(Tensor.RandN([4, 6]), step: 0);
        Assert.All(agent.Critic.Parameters().Zip(critic), pair => Assert.Equal(pair.Second.ToArray<float>(), pair.First.ToArray<float>()));
        Assert.Contains(agent.Actor.Parameters().Zip(actor), pair => !pair.First.ToArray<float>().SequenceEqual(pair.Second.ToArray<float>()));
        Assert.All(agent.Critic.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Pixel_update_trains_the_encoder_through_the_critic_loss_only()
    {
        Torch.ManualSeed(3);
        using var agent = new DrQV2Agent(Small, [3, 20, 20], 2);
        using var scope = TensorScope.Begin();
        var encoderBefore = agent.Encoder.Parameters().Select(p => p.Clone()).ToList();
        var obs = Tensor.RandInt(0, 256, [2, 3, 20, 20], DType.UInt8);
        var batch = new TransitionBatch(obs, Tensor.Zeros([2, 2]), Tensor.Ones([2, 1]), Tensor.Ones([2, 1]), obs);
        agent.UpdateCritic(agent.Encoder.Forward(obs.Float()), batch.Action, batch.Reward, batch.Discount, agent.Encoder.Forward(obs.Float()).Detach(), 0);
        Assert.Contains(agent.Encoder.Parameters().Zip(encoderBefore), pair => !pair.First.ToArray<float>().SequenceEqual(pair.Second.ToArray<float>()));
        var afterCritic = agent.Encoder.Parameters().Select(p => p.Clone()).ToList();
        agent.UpdateActor(agent.Encoder.Forward(obs.Float()).Detach(), 0);
        Assert.All(agent.Encoder.Parameters().Zip(afterCritic), pair => Assert.Equal(pair.Second.ToArray<float>(), pair.First.ToArray<float>()));
    }

    [Fact]
    public void Eval_act_is_the_deterministic_mean_and_exploration_is_uniform_early()
    {
        Torch.ManualSeed(4);
        using var agent = new DrQV2Agent(Small with { NumExplSteps = 100 }, [6], 2);
        using var scope = TensorScope.Begin();
        var obs = Tensor.RandN([3, 6]);
        Assert.Equal(agent.Act(obs, 0, evalMode: true).ToArray<float>(), agent.Act(obs, 0, evalMode: true).ToArray<float>());
        var explore = agent.Act(obs, 10, evalMode: false);
        Assert.Equal([3L, 2L], explore.Shape);
        Assert.All(explore.ToArray<float>(), v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Batch_whose_tensors_disagree_in_size_is_rejected_naming_each_shape()
    {
        using var agent = new DrQV2Agent(Small, [6], 2);
        using var scope = TensorScope.Begin();
        var bad = new TransitionBatch(Tensor.Zeros([4, 6]), Tensor.Zeros([4, 2]), Tensor.Zeros([3, 1]), Tensor.Zeros([4, 1]), Tensor.Zeros([4, 6]));
        var e = Assert.Throws<ArgumentException>(() => agent.Update(bad, 0));
        Assert.Contains("reward [3, 1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_frees_its_temporaries()
    {
        Torch.ManualSeed(5);
        using var agent = new DrQV2Agent(Small, [6], 2);
        using var scope = TensorScope.Begin();
        var batch = StateBatch(4, 6, 2);
        var before = scope.Count;
        agent.Update(batch, 0);
        Assert.Equal(before, scope.Count);
    }
}
