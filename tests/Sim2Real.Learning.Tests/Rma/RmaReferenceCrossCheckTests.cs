using System.Globalization;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Rma;

/// <summary>
/// μ and φ in C# against the same networks in torch (python/rma_reference.py): same weights through safetensors,
/// written by either side, same inputs; outputs, loss, every gradient and the weights after Adam must agree.
/// </summary>
public class RmaReferenceCrossCheckTests
{
    private const int EnvFactors = 7;
    private const int StateDim = 13;
    private const int ActionDim = 6;
    private const int Batch = 4;
    private const double Tolerance = 1e-5;

    private static readonly RmaConfig Config = new() { EnvFactorDim = EnvFactors };

    [Fact]
    public void Forward_backward_and_one_Adam_step_of_mu_and_phi_match_PyTorch()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(3);
        using var mu = new EnvFactorEncoder(Config);
        using var phi = new AdaptationModule(StateDim + ActionDim, Config);
        RmaWeights.Save(dir.File("weights.safetensors"), mu, phi);
        using var scope = TensorScope.Begin();
        var (envFactors, history) = WriteInputs(dir);

        var z = mu.Forward(envFactors);
        var zHat = phi.Forward(history);
        // z is not detached here (phase 2 detaches it) so that the loss reaches μ's weights too and every
        // gradient of both modules is checked.
        var loss = zHat.MseLoss(z);
        var parameters = RmaWeights.NamedParameters(mu, phi).ToList();
        using var adam = new Adam(parameters.Select(p => p.Parameter).ToList(), lr: 1e-3);
        adam.ZeroGrad();
        loss.Backward();
        var grads = parameters.ToDictionary(p => p.Name, p => p.Parameter.Grad!.ToArray<float>());
        adam.Step();

        RmaPython.Run("check", dir.File("weights.safetensors"), dir.File("inputs.safetensors"), dir.File("out.safetensors"), "--lr", "1e-3");
        using var reference = SafetensorsFile.Open(dir.File("out.safetensors"));
        Close.Assert("z", reference["z"].ToSingles(), z.ToArray<float>(), Tolerance);
        Close.Assert("z_hat", reference["z_hat"].ToSingles(), zHat.ToArray<float>(), Tolerance);
        var expectedLoss = reference["loss"].AsSpan<double>()[0];
        Assert.True(Math.Abs(expectedLoss - loss.Item()) <= Tolerance * Math.Max(1, expectedLoss), $"loss: reference {expectedLoss}, C# {loss.Item()}");
        Assert.Equal(
            parameters.Select(p => "grad." + p.Name).Order(StringComparer.Ordinal),
            reference.Names.Where(n => n.StartsWith("grad.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var (name, p) in parameters)
        {
            Close.Assert("gradient of " + name, reference["grad." + name].ToSingles(), grads[name], Tolerance);
            Close.Assert(name + " after Adam", reference[name].ToSingles(), p.ToArray<float>(), Tolerance);
        }
    }

    [Fact]
    public void Phase_two_steps_train_phi_alone_toward_mu_as_PyTorch_does()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(4);
        using var mu = new EnvFactorEncoder(Config);
        using var phi = new AdaptationModule(StateDim + ActionDim, Config);
        RmaWeights.Save(dir.File("weights.safetensors"), mu, phi);
        using var scope = TensorScope.Begin();
        var (envFactors, history) = WriteInputs(dir);
        var muBefore = mu.NamedParameters("mu.").ToDictionary(p => p.Name, p => p.Parameter.ToArray<float>());

        using var learner = new AdaptationLearner(phi, mu, learningRate: 1e-3);
        var losses = Enumerable.Range(0, 3).Select(_ => learner.Update(history, envFactors)).ToArray();

        RmaPython.Run("adapt", dir.File("weights.safetensors"), dir.File("inputs.safetensors"), "3", dir.File("out.safetensors"), "--lr", "1e-3");
        using var reference = SafetensorsFile.Open(dir.File("out.safetensors"));
        var expected = reference["adapt_loss"].AsSpan<double>().ToArray();
        for (var k = 0; k < losses.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - losses[k]) <= Tolerance * Math.Max(1, expected[k]), $"loss of step {k}: reference {expected[k]}, C# {losses[k]}");
        }

        Assert.True(losses[2] < losses[0], $"three steps did not lower the loss: {string.Join(", ", losses)}");
        foreach (var (name, p) in phi.NamedParameters("phi."))
        {
            Close.Assert(name, reference[name].ToSingles(), p.ToArray<float>(), Tolerance);
        }

        foreach (var (name, p) in mu.NamedParameters("mu."))
        {
            Assert.Equal(muBefore[name], p.ToArray<float>());
        }
    }

    [Fact]
    public void Weights_initialized_by_PyTorch_load_by_name_and_give_PyTorch_outputs()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(5);
        using var scope = TensorScope.Begin();
        var (envFactors, history) = WriteInputs(dir);
        RmaPython.Run("init", dir.File("torch.safetensors"), dir.File("inputs.safetensors"), dir.File("pred.safetensors"),
            "--env-dim", Invariant(EnvFactors), "--step-dim", Invariant(StateDim + ActionDim), "--history", "50", "--seed", "9");

        using var mu = new EnvFactorEncoder(Config);
        using var phi = new AdaptationModule(StateDim + ActionDim, Config);
        using (var file = SafetensorsFile.Open(dir.File("torch.safetensors")))
        {
            RmaWeights.LoadInto(file, mu, phi);
        }

        using var reference = SafetensorsFile.Open(dir.File("pred.safetensors"));
        using (Torch.NoGrad())
        {
            Close.Assert("z", reference["z"].ToSingles(), mu.Forward(envFactors).ToArray<float>(), Tolerance);
            Close.Assert("z_hat", reference["z_hat"].ToSingles(), phi.Forward(history).ToArray<float>(), Tolerance);
        }
    }

    [Fact]
    public void A_DrQV2_update_with_mu_in_the_state_encoder_matches_the_reference_agent()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(6);
        var config = new DrQV2Config { FeatureDim = 16, HiddenDim = 32, StddevSchedule = "0", ShiftPad = 0 };
        using var agent = new DrQV2Agent(config, RmaEncoder.ForStates(StateDim, Config), [StateDim + EnvFactors], 2);
        AgentCheckpoint.Save(agent, dir.File("agent.safetensors"));
        using var scope = TensorScope.Begin();
        var batch = new TransitionBatch(
            Tensor.RandN([Batch, StateDim + EnvFactors]), Tensor.Empty([Batch, 2]).Uniform_(-1, 1), Tensor.RandN([Batch, 1]),
            Tensor.Full([Batch, 1], 0.99 * 0.99 * 0.99), Tensor.RandN([Batch, StateDim + EnvFactors]));
        SafetensorsWriter.Write(dir.File("batch.safetensors"), [
            batch.Obs.ToSafeTensor("obs"), batch.Action.ToSafeTensor("action"), batch.Reward.ToSafeTensor("reward"),
            batch.Discount.ToSafeTensor("discount"), batch.NextObs.ToSafeTensor("next_obs")]);

        var metrics = Enumerable.Range(0, 3).Select(_ => agent.Update(batch, step: 0)).ToList();

        RmaPython.Run("agent-update", dir.File("agent.safetensors"), dir.File("batch.safetensors"), "3", dir.File("out.safetensors"));
        using var reference = SafetensorsFile.Open(dir.File("out.safetensors"));
        var criticLoss = reference["critic_loss"].AsSpan<double>().ToArray();
        var actorLoss = reference["actor_loss"].AsSpan<double>().ToArray();
        for (var k = 0; k < metrics.Count; k++)
        {
            Assert.True(Math.Abs(criticLoss[k] - metrics[k].Critic.CriticLoss) <= 1e-4 * Math.Max(1, Math.Abs(criticLoss[k])), $"critic loss {k}");
            Assert.True(Math.Abs(actorLoss[k] - metrics[k].Actor.ActorLoss) <= 1e-4 * Math.Max(1, Math.Abs(actorLoss[k])), $"actor loss {k}");
        }

        var names = agent.NamedParameters().Select(p => p.Name).ToList();
        Assert.Contains("encoder.mu.0.weight", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), reference.Names.Where(n => !n.EndsWith("_loss", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var (name, p) in agent.NamedParameters())
        {
            Close.Assert(name, reference[name].ToSingles(), p.ToArray<float>(), 2e-5);
        }
    }

    private static (Tensor EnvFactors, Tensor History) WriteInputs(TempDirectory dir)
    {
        var envFactors = Tensor.Empty([Batch, EnvFactors]).Uniform_(-1, 1);
        var history = Tensor.RandN([Batch, Config.HistoryLength, StateDim + ActionDim]);
        SafetensorsWriter.Write(dir.File("inputs.safetensors"), [envFactors.ToSafeTensor("env_factors"), history.ToSafeTensor("history")]);
        return (envFactors, history);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
