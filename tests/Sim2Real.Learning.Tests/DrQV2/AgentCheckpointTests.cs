using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.DrQV2;

public class AgentCheckpointTests
{
    private static readonly DrQV2Config Small = new() { FeatureDim = 8, HiddenDim = 16 };

    [Fact]
    public void Saved_pixel_agent_reloads_with_sizes_inferred_from_the_shapes()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(1);
        using var agent = new DrQV2Agent(Small, [9, 84, 84], 4);
        AgentCheckpoint.Save(agent, dir.File("a.safetensors"));
        using var loaded = AgentCheckpoint.Load(dir.File("a.safetensors"));
        Assert.Equal(8, loaded.Config.FeatureDim);
        Assert.Equal(16, loaded.Config.HiddenDim);
        Assert.Equal([9L, 84L, 84L], loaded.ObsShape);
        Assert.Equal(4, loaded.ActionDim);
        foreach (var ((name, a), (_, b)) in agent.NamedParameters().Zip(loaded.NamedParameters()))
        {
            Assert.True(a.ToArray<float>().SequenceEqual(b.ToArray<float>()), name);
        }

        using var file = SafetensorsFile.Open(dir.File("a.safetensors"));
        Assert.Contains("encoder.convnet.0.weight", file.Names);
        Assert.Contains("critic.Q2.4.bias", file.Names);
        Assert.Contains("critic_target.trunk.0.weight", file.Names);
    }

    [Fact]
    public void Checkpoint_without_obs_metadata_infers_84x84_from_the_representation_size()
    {
        using var dir = new TempDirectory();
        using var agent = new DrQV2Agent(Small, [3, 84, 84], 2);
        SafetensorsWriter.Write(dir.File("a.safetensors"), AgentCheckpoint.Entries(agent, includeOptimizers: false).ToList());
        using var loaded = AgentCheckpoint.Load(dir.File("a.safetensors"));
        Assert.Equal([3L, 84L, 84L], loaded.ObsShape);
    }

    [Fact]
    public void Missing_extra_and_misshapen_tensors_are_all_listed_with_their_shapes()
    {
        using var dir = new TempDirectory();
        using var agent = new DrQV2Agent(Small, [5], 2);
        var entries = AgentCheckpoint.Entries(agent, false)
            .Where(e => e.Name != "critic.Q1.2.bias")
            .Select(e => e.Name == "critic_target.Q2.0.weight" ? SafeTensor.Create<float>(e.Name, [3, 3], new float[9]) : e)
            .Append(SafeTensor.Create<float>("critic.Q3.0.weight", [2], [0f, 0f]))
            .ToList();
        SafetensorsWriter.Write(dir.File("bad.safetensors"), entries);
        var e = Assert.Throws<CheckpointMismatchException>(() => AgentCheckpoint.Load(dir.File("bad.safetensors")));
        Assert.Contains("missing:       critic.Q1.2.bias F32 [16]", e.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected:    critic.Q3.0.weight F32 [2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("critic_target.Q2.0.weight: expected F32 [16, 10], found F32 [3, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_checkpoint_fails_with_a_format_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        using var agent = new DrQV2Agent(Small, [5], 2);
        var path = dir.File("cut.safetensors");
        AgentCheckpoint.Save(agent, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<SafetensorsFormatException>(() => AgentCheckpoint.Load(path));
        Assert.Contains("cut.safetensors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimizer_state_round_trips_and_its_absence_means_fresh_optimizers()
    {
        using var dir = new TempDirectory();
        Torch.ManualSeed(2);
        using var agent = new DrQV2Agent(Small, [5], 2);
        using (var scope = TensorScope.Begin())
        {
            agent.Update(new TransitionBatch(Tensor.RandN([4, 5]), Tensor.Zeros([4, 2]), Tensor.Ones([4, 1]), Tensor.Ones([4, 1]), Tensor.RandN([4, 5])), 0);
        }

        AgentCheckpoint.Save(agent, dir.File("full.safetensors"), includeOptimizers: true);
        AgentCheckpoint.Save(agent, dir.File("weights.safetensors"));
        using var full = AgentCheckpoint.Load(dir.File("full.safetensors"));
        using var weights = AgentCheckpoint.Load(dir.File("weights.safetensors"));
        Assert.Equal(1, full.CriticOptimizer.StepCount);
        Assert.Equal(0, weights.CriticOptimizer.StepCount);
        var (m0, _) = agent.ActorOptimizer.Moments(0);
        var (m1, _) = full.ActorOptimizer.Moments(0);
        var (m2, _) = weights.ActorOptimizer.Moments(0);
        using (m0)
        using (m1)
        using (m2)
        {
            Assert.Equal(m0.ToArray<float>(), m1.ToArray<float>());
            Assert.All(m2.ToArray<float>(), v => Assert.Equal(0f, v));
        }
    }
}
