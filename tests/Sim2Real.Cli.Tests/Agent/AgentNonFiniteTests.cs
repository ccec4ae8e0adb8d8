using Sim2Real.Cli.Agent;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Cli.Tests.Agent;

/// <summary>agent act never writes NaN actions with exit 0: a non-finite observation or weight is refused, naming the tensor and index.</summary>
public sealed class AgentNonFiniteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-agent-nan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private string Checkpoint()
    {
        Torch.ManualSeed(4);
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 8, HiddenDim = 16 }, [5], 2);
        AgentCheckpoint.Save(agent, Path("c.safetensors"));
        return Path("c.safetensors");
    }

    private string Observations(float poison, int row, int column)
    {
        var values = Enumerable.Range(0, 15).Select(i => i * 0.1f).ToArray();
        values[(row * 5) + column] = poison;
        SafetensorsWriter.Write(Path("obs.safetensors"), [SafeTensor.Create<float>("obs", [3, 5], values)]);
        return Path("obs.safetensors");
    }

    [Theory]
    [InlineData(float.NaN, 1, 3)]
    [InlineData(float.PositiveInfinity, 2, 0)]
    public void A_non_finite_observation_is_refused_naming_its_row_and_element(float poison, int row, int column)
    {
        var ckpt = Checkpoint();

        var e = Assert.Throws<InvalidDataException>(() => AgentRunner.Act(ckpt, Observations(poison, row, column), Path("a.safetensors"), 1, "cpu", TextWriter.Null));

        Assert.Contains($"obs[{row}][{column}]", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("a.safetensors")));
    }

    [Fact]
    public void A_checkpoint_with_a_nan_weight_is_refused_and_no_actions_are_written()
    {
        var ckpt = Checkpoint();
        byte[] poisoned;
        using (var file = SafetensorsFile.Open(ckpt))
        {
            poisoned = SafetensorsWriter.Serialize(file.Tensors.Select(t => t.Name == "actor.policy.0.weight"
                ? SafeTensor.Create<float>(t.Name, [.. t.Shape], Enumerable.Repeat(float.NaN, (int)t.ElementCount).ToArray())
                : t), file.Metadata);
        }

        File.WriteAllBytes(ckpt, poisoned);

        var e = Assert.Throws<InvalidDataException>(() => AgentRunner.Act(ckpt, Observations(0.5f, 0, 0), Path("a.safetensors"), 1, "cpu", TextWriter.Null));

        Assert.Contains("action[0][", e.Message, StringComparison.Ordinal);
        Assert.Contains("non-finite", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("a.safetensors")));
    }

    [Fact]
    public void A_missing_input_is_named_by_its_flag()
    {
        var ckpt = Checkpoint();

        var obs = Assert.Throws<FileNotFoundException>(() => AgentRunner.Act(ckpt, Path("none.safetensors"), Path("a.safetensors"), 1, "cpu", TextWriter.Null));
        var weights = Assert.Throws<FileNotFoundException>(() => AgentRunner.Act(Path("none.safetensors"), Observations(0.5f, 0, 0), Path("a.safetensors"), 1, "cpu", TextWriter.Null));

        Assert.StartsWith("--obs: no such file", obs.Message, StringComparison.Ordinal);
        Assert.StartsWith("--checkpoint: no such file", weights.Message, StringComparison.Ordinal);
    }
}
