using Sim2Real.Cli.Agent;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Cli.Tests.Agent;

public sealed class AgentRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-agent-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name) => Path.Combine(_dir, name);

    private string StateCheckpointAndBatch(long b, long rewardRows)
    {
        Torch.ManualSeed(9);
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 8, HiddenDim = 16 }, [5], 2);
        AgentCheckpoint.Save(agent, File("c.safetensors"));
        using var scope = TensorScope.Begin();
        SafetensorsWriter.Write(File("batch.safetensors"), [
            Tensor.RandN([b, 5]).ToSafeTensor("obs"), Tensor.RandN([b, 2]).Clamp(-1, 1).ToSafeTensor("action"),
            Tensor.RandN([rewardRows, 1]).ToSafeTensor("reward"), Tensor.Full([b, 1], 0.97).ToSafeTensor("discount"),
            Tensor.RandN([b, 5]).ToSafeTensor("next_obs")]);
        return File("c.safetensors");
    }

    [Fact]
    public void Update_with_zero_stddev_and_no_augment_is_deterministic_and_prints_each_loss()
    {
        var ckpt = StateCheckpointAndBatch(4, 4);
        var outputs = new List<byte[]>();
        foreach (var run in new[] { "a", "b" })
        {
            var log = new StringWriter();
            var request = new UpdateRequest(ckpt, File("batch.safetensors"), 3, File(run + ".safetensors"), "0", 0, Augment: false, Seed: null, WithOptimizer: false);
            Assert.Equal(0, AgentRunner.Update(request, 1, "cpu", log));
            Assert.Equal(3, log.ToString().Split('\n').Count(l => l.StartsWith("update ", StringComparison.Ordinal) && l.Contains("critic_loss", StringComparison.Ordinal) && l.Contains("actor_loss", StringComparison.Ordinal)));
            using var file = SafetensorsFile.Open(File(run + ".safetensors"));
            outputs.Add(file.Tensors.SelectMany(t => t.Data.ToArray()).ToArray());
        }

        Assert.Equal(outputs[0], outputs[1]);

    }

    [Fact]
    public void Batch_whose_tensors_disagree_in_size_fails_naming_the_file_and_shapes()
    {
        var ckpt = StateCheckpointAndBatch(4, 3);
        var request = new UpdateRequest(ckpt, File("batch.safetensors"), 1, File("out.safetensors"), "0", 0, false, null, false);
        var e = Assert.Throws<InvalidDataException>(() => AgentRunner.Update(request, 1, "cpu", TextWriter.Null));
        Assert.Contains("batch.safetensors", e.Message, StringComparison.Ordinal);
        Assert.Contains("reward [3, 1]", e.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("out.safetensors")));
    }

    [Fact]
    public void Act_writes_mean_actions_for_state_observations()
    {
        var ckpt = StateCheckpointAndBatch(4, 4);
        using (var scope = TensorScope.Begin())
        {
            SafetensorsWriter.Write(File("obs.safetensors"), [Tensor.RandN([3, 5]).ToSafeTensor("obs")]);
        }

        Assert.Equal(0, AgentRunner.Act(ckpt, File("obs.safetensors"), File("action.safetensors"), 1, "cpu", TextWriter.Null));
        using var file = SafetensorsFile.Open(File("action.safetensors"));
        Assert.Equal([3L, 2L], file["action"].Shape);
        Assert.All(file["action"].AsSpan<float>().ToArray(), v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Act_on_a_file_that_is_not_an_agent_names_the_tensors_it_needs()
    {
        StateCheckpointAndBatch(4, 4);
        var e = Assert.Throws<InvalidDataException>(() => AgentRunner.Act(File("batch.safetensors"), File("batch.safetensors"), File("a.safetensors"), 1, "cpu", TextWriter.Null));
        Assert.Contains("actor.trunk.0.weight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Act_on_observations_of_another_width_blames_the_obs_file_not_the_checkpoint()
    {
        var ckpt = StateCheckpointAndBatch(4, 4);
        using (var scope = TensorScope.Begin())
        {
            SafetensorsWriter.Write(File("obs7.safetensors"), [Tensor.RandN([3, 7]).ToSafeTensor("obs")]);
        }

        var e = Assert.Throws<InvalidDataException>(() => AgentRunner.Act(ckpt, File("obs7.safetensors"), File("a.safetensors"), 1, "cpu", TextWriter.Null));

        Assert.StartsWith(File("obs7.safetensors") + ": obs rows have 7 values", e.Message, StringComparison.Ordinal);
        Assert.Contains("takes [5]", e.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("a.safetensors")));
    }

    [Fact]
    public void A_folder_given_as_checkpoint_or_out_is_refused_saying_it_is_a_folder()
    {
        var ckpt = StateCheckpointAndBatch(4, 4);
        using (var scope = TensorScope.Begin())
        {
            SafetensorsWriter.Write(File("obs.safetensors"), [Tensor.RandN([3, 5]).ToSafeTensor("obs")]);
        }

        var asCheckpoint = Assert.Throws<IOException>(() => AgentRunner.Act(_dir, File("obs.safetensors"), File("a.safetensors"), 1, "cpu", TextWriter.Null));
        var asOut = Assert.Throws<IOException>(() => AgentRunner.Act(ckpt, File("obs.safetensors"), _dir, 1, "cpu", TextWriter.Null));

        Assert.Equal($"{_dir}: is a folder; give a .safetensors file", asCheckpoint.Message);
        Assert.Equal($"{_dir}: is a folder; give a file name to write", asOut.Message);
    }
}
