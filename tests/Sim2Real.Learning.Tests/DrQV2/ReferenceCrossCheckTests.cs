using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.DrQV2;

/// <summary>
/// The C# agent and the reference agent in torch (python/drqv2_reference.py) start from the same checkpoint and
/// batch, written by C#, run the same updates, and must agree on every loss and every updated weight.
/// </summary>
public class ReferenceCrossCheckTests
{
    private const int Updates = 3;

    private static DrQV2Config Config(string stddev, bool augment) =>
        new() { FeatureDim = 16, HiddenDim = 32, StddevSchedule = stddev, ShiftPad = augment ? 4 : 0 };

    [Fact]
    public void Deterministic_pixel_updates_match_the_reference_losses_and_weights()
    {
        using var dir = new TempDirectory();
        Compare(dir, [9, 84, 84], Config("0", augment: false), seed: null, pythonFlags: ["--stddev", "0", "--no-augment"]);
    }

    [Fact]
    public void Seeded_pixel_updates_with_augmentation_and_noise_draw_the_same_random_numbers_as_the_reference()
    {
        using var dir = new TempDirectory();
        Compare(dir, [3, 20, 20], Config("0.5", augment: true), seed: 11, pythonFlags: ["--stddev", "0.5", "--seed", "11"]);
    }

    [Fact]
    public void Deterministic_state_updates_match_the_reference()
    {
        using var dir = new TempDirectory();
        Compare(dir, [7], Config("0", augment: false), seed: null, pythonFlags: ["--stddev", "0", "--no-augment"]);
    }

    [Fact]
    public void Mean_actions_match_the_reference_actor()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(21);
        using var agent = new DrQV2Agent(Config("0", false), [9, 84, 84], 3);
        var ckpt = dir.File("agent.safetensors");
        AgentCheckpoint.Save(agent, ckpt);
        using var scope = TensorScope.Begin();
        var obs = Tensor.RandInt(0, 256, [2, 9, 84, 84], DType.UInt8);
        SafetensorsWriter.Write(dir.File("obs.safetensors"), [obs.ToSafeTensor("obs")]);
        ReferencePython.Run("act", ckpt, dir.File("obs.safetensors"), dir.File("action.safetensors"));
        using var reference = SafetensorsFile.Open(dir.File("action.safetensors"));
        AssertClose("action", reference["action"].ToSingles(), agent.Act(obs, 0, evalMode: true).ToArray<float>(), 1e-5);
    }

    private static void Compare(TempDirectory dir, long[] obsShape, DrQV2Config config, ulong? seed, string[] pythonFlags)
    {
        Torch.ManualSeed(5);
        using var agent = new DrQV2Agent(config, obsShape, 2);
        var ckpt = dir.File("agent.safetensors");
        var batchPath = dir.File("batch.safetensors");
        AgentCheckpoint.Save(agent, ckpt);
        using var scope = TensorScope.Begin();
        var batch = RandomBatch(obsShape, b: 4, actionDim: 2);
        SafetensorsWriter.Write(batchPath, [
            batch.Obs.ToSafeTensor("obs"), batch.Action.ToSafeTensor("action"), batch.Reward.ToSafeTensor("reward"),
            batch.Discount.ToSafeTensor("discount"), batch.NextObs.ToSafeTensor("next_obs")]);

        if (seed is { } s)
        {
            Torch.ManualSeed(s);
        }

        var losses = Enumerable.Range(0, Updates).Select(_ => agent.Update(batch, step: 0)).ToList();
        ReferencePython.Run(["update", ckpt, batchPath, Updates.ToString(System.Globalization.CultureInfo.InvariantCulture), dir.File("out.safetensors"), .. pythonFlags]);

        using var reference = SafetensorsFile.Open(dir.File("out.safetensors"));
        var criticLoss = reference["critic_loss"].AsSpan<double>().ToArray();
        var actorLoss = reference["actor_loss"].AsSpan<double>().ToArray();
        for (var k = 0; k < Updates; k++)
        {
            AssertRelative($"critic loss of update {k}", criticLoss[k], losses[k].Critic.CriticLoss);
            AssertRelative($"actor loss of update {k}", actorLoss[k], losses[k].Actor.ActorLoss);
        }

        var names = agent.NamedParameters().Select(p => p.Name).ToHashSet();
        Assert.Equal(names.Order(), reference.Names.Where(n => !n.EndsWith("_loss", StringComparison.Ordinal)).Order());
        foreach (var (name, p) in agent.NamedParameters())
        {
            AssertClose(name, reference[name].ToSingles(), p.ToArray<float>(), 2e-5);
        }
    }

    private static TransitionBatch RandomBatch(long[] obsShape, long b, long actionDim)
    {
        long[] batchShape = [b, .. obsShape];
        var pixels = obsShape.Length == 3;
        var obs = pixels ? Tensor.RandInt(0, 256, batchShape, DType.UInt8) : Tensor.RandN(batchShape);
        var next = pixels ? Tensor.RandInt(0, 256, batchShape, DType.UInt8) : Tensor.RandN(batchShape);
        return new TransitionBatch(obs, Tensor.Empty([b, actionDim]).Uniform_(-1, 1), Tensor.RandN([b, 1]), Tensor.Full([b, 1], 0.99 * 0.99 * 0.99), next);
    }

    private static void AssertRelative(string what, double expected, double actual)
    {
        var tolerance = 1e-4 * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: reference {expected}, C# {actual}");
    }

    private static void AssertClose(string name, float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        var at = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var d = Math.Abs(expected[i] - actual[i]);
            if (d > worst)
            {
                worst = d;
                at = i;
            }
        }

        Assert.True(worst <= tolerance, $"{name}: element {at} differs by {worst} (reference {expected[at]}, C# {actual[at]})");
    }
}
