using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.DrQV2;

public class PrecisionTests
{
    private static readonly DrQV2Config Small = new() { FeatureDim = 8, HiddenDim = 16, StddevSchedule = "0.2" };

    [Fact]
    public void Precision_names_parse_and_an_unknown_one_is_refused_naming_the_flag()
    {
        foreach (var p in Enum.GetValues<Precision>())
        {
            Assert.Equal(p, Precisions.Parse(p.Name(), "command line", "--precision"));
        }

        var e = Assert.Throws<InvalidConfigException>(() => Precisions.Parse("fp16", "command line", "--precision"));
        Assert.Equal("command line: --precision: must be fp32, bf16 or bf16-emulated, got 'fp16'", e.Message);
    }

    [Fact]
    public void Bf16_on_a_cpu_without_avx512_bf16_is_refused_instead_of_running_sixteen_times_slower()
    {
        if (Precisions.CpuHasBf16)
        {
            using var agent = new DrQV2Agent(Small with { Precision = Precision.Bf16 }, [3, 20, 20], 2);
            Assert.Equal(Precision.Bf16, agent.Precision);
            return;
        }

        var e = Assert.Throws<InvalidConfigException>(() => new DrQV2Agent(Small with { Precision = Precision.Bf16 }, [3, 20, 20], 2));
        Assert.Equal("precision", e.Field);
        Assert.Contains("avx512_bf16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bf16_emulated_updates_stay_finite_and_close_to_fp32_from_the_same_weights()
    {
        using var scope = TensorScope.Begin();
        Torch.ManualSeed(3);
        var batch = new TransitionBatch(Tensor.RandInt(0, 256, [4, 3, 20, 20], DType.UInt8), Tensor.Empty([4, 2]).Uniform_(-1, 1),
            Tensor.RandN([4, 1]), Tensor.Full([4, 1], 0.97), Tensor.RandInt(0, 256, [4, 3, 20, 20], DType.UInt8));
        var losses = new List<double[]>();
        foreach (var precision in new[] { Precision.Fp32, Precision.Bf16Emulated })
        {
            Torch.ManualSeed(4);
            using var agent = new DrQV2Agent(Small with { Precision = precision }, [3, 20, 20], 2);
            Assert.Equal(precision, agent.Precision);
            Torch.ManualSeed(5);
            losses.Add(Enumerable.Range(0, 3).Select(k => agent.Update(batch, k).Critic.CriticLoss).ToArray());
        }

        Assert.All(losses[1], l => Assert.True(double.IsFinite(l)));
        for (var k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(losses[0][k] - losses[1][k]) <= 0.05 * Math.Abs(losses[0][k]), $"update {k}: fp32 {losses[0][k]}, bf16-emulated {losses[1][k]}");
        }

        Assert.NotEqual(losses[0][0], losses[1][0]);
    }

    [Fact]
    public void Agent_files_record_the_precision_and_a_run_resumes_only_in_its_own()
    {
        using var dir = new TempDirectory();
        using var emulated = new DrQV2Agent(Small with { Precision = Precision.Bf16Emulated }, [3, 20, 20], 2);
        using var fp32 = new DrQV2Agent(Small, [3, 20, 20], 2);
        AgentCheckpoint.Save(emulated, dir.File("agent.safetensors"));
        using var file = Sim2Real.Learning.Checkpoints.SafetensorsFile.Open(dir.File("agent.safetensors"));
        Assert.Equal("bf16-emulated", file.Metadata[AgentCheckpoint.PrecisionKey]);

        AgentCheckpoint.RequireSamePrecision(file.Metadata, emulated, "run/training.safetensors");
        var e = Assert.Throws<InvalidConfigException>(() => AgentCheckpoint.RequireSamePrecision(file.Metadata, fp32, "run/training.safetensors"));
        Assert.Equal("run/training.safetensors: agent.precision: checkpoint was written in bf16-emulated, this run asks for fp32: resume with --precision bf16-emulated", e.Message);

        // Checkpoints from before the option were fp32.
        AgentCheckpoint.RequireSamePrecision(new Dictionary<string, string>(), fp32, "old.safetensors");
        Assert.Throws<InvalidConfigException>(() => AgentCheckpoint.RequireSamePrecision(new Dictionary<string, string>(), emulated, "old.safetensors"));
    }

    [Fact]
    public void Channels_last_and_nchw_encoders_give_the_same_features_in_the_reference_order()
    {
        using var scope = TensorScope.Begin();
        Torch.ManualSeed(8);
        using var nhwc = new PixelEncoder(3, 20, 20);
        using var nchw = new PixelEncoder(3, 20, 20, layout: MemoryFormat.Contiguous);
        nchw.LoadFrom(nhwc);
        var obs = Tensor.RandInt(0, 256, [2, 3, 20, 20], DType.UInt8).Float();
        var a = nhwc.Forward(obs);
        var b = nchw.Forward(obs);
        Assert.True(a.IsContiguousIn(MemoryFormat.Contiguous));
        Assert.True((a - b).Abs().AMax(1).AMax(0).Item() < 1e-5);
    }
}
