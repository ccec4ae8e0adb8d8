using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;

namespace Sim2Real.Training.Tests;

public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TrainOptions Tiny(string name, long frames, double lr = 1e-3) => TinyRun.Options(_dir, name, frames, lr);

    private static Dictionary<string, float[]> Weights(Trainer trainer) =>
        trainer.Agent.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.ToArray<float>());

    [Fact]
    public void Resumed_run_ends_with_the_same_weights_as_an_uninterrupted_one()
    {
        Dictionary<string, float[]> straight;
        using (var trainer = new Trainer(Tiny("straight", 600), TextWriter.Null, resume: false))
        {
            trainer.Run();
            straight = Weights(trainer);
        }

        using (var first = new Trainer(Tiny("split", 400), TextWriter.Null, resume: false))
        {
            first.Run();
        }

        using var resumed = new Trainer(Tiny("split", 600), TextWriter.Null, resume: true);
        resumed.Run();
        var split = Weights(resumed);
        Assert.Equal(straight.Keys.Order(), split.Keys.Order());
        Assert.All(straight, kv => Assert.True(kv.Value.SequenceEqual(split[kv.Key]), $"{kv.Key} differs after resume"));
        Assert.Equal(
            File.ReadAllLines(Path.Combine(_dir, "straight", "train.csv")).Select(l => string.Join(',', l.Split(',')[..7])),
            File.ReadAllLines(Path.Combine(_dir, "split", "train.csv")).Select(l => string.Join(',', l.Split(',')[..7])));
    }

    [Fact]
    public void Pixel_run_trains_the_conv_encoder_through_the_critic_and_resumes_exactly()
    {
        TrainOptions Pixels(string name, long frames) => Tiny(name, frames) with
        {
            Observation = ObservationKind.Pixels,
            Agent = Tiny(name, frames).Agent with { BatchSize = 4 },
        };

        Dictionary<string, float[]> initial, straight;
        using (var trainer = new Trainer(Pixels("pixels", 300), TextWriter.Null, resume: false))
        {
            initial = Weights(trainer);
            trainer.Run();
            straight = Weights(trainer);
        }

        Assert.Equal([32, 9, 3, 3], Array.ConvertAll(Assert.Single(ShapesOf("pixels", "encoder.convnet.0.weight")), d => (int)d));
        Assert.False(initial["encoder.convnet.0.weight"].SequenceEqual(straight["encoder.convnet.0.weight"]), "the critic's updates never reached the encoder");
        Assert.Contains(File.ReadAllLines(Path.Combine(_dir, "pixels", "train.csv")).Skip(1), l => double.IsFinite(double.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture)));

        using (var first = new Trainer(Pixels("pixels-split", 200), TextWriter.Null, resume: false))
        {
            first.Run();
        }

        using var resumed = new Trainer(Pixels("pixels-split", 300), TextWriter.Null, resume: true);
        resumed.Run();
        var split = Weights(resumed);
        Assert.All(straight, kv => Assert.True(kv.Value.SequenceEqual(split[kv.Key]), $"{kv.Key} differs after resume"));
    }

    private List<long[]> ShapesOf(string run, string tensor)
    {
        using var file = SafetensorsFile.Open(Path.Combine(_dir, run, "checkpoints", "agent.safetensors"));
        return [.. file.Tensors.Where(t => t.Name == tensor).Select(t => t.Shape.ToArray())];
    }

    [Fact]
    public void Run_writes_metrics_curve_and_checkpoints_that_agent_act_can_load()
    {
        var options = Tiny("outputs", 300) with { EvalVideo = true };
        using (var trainer = new Trainer(options, TextWriter.Null, resume: false))
        {
            var final = trainer.Run();
            Assert.Equal(300, final.Frame);
            Assert.InRange(final.SuccessRate, 0, 1);
        }

        Assert.Equal(4, File.ReadAllLines(Path.Combine(options.RunDirectory, "train.csv")).Length);
        Assert.True(File.ReadAllLines(Path.Combine(options.RunDirectory, "eval.csv")).Length >= 3);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(options.RunDirectory, "learning_curve.png"))[..4]);
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(Path.Combine(options.RunDirectory, "eval_video"), "frame_000000300*"));
        using var agent = AgentCheckpoint.Load(Path.Combine(options.RunDirectory, "checkpoints", "agent.safetensors"));
        Assert.Equal(16, agent.Config.HiddenDim);
    }

    [Fact]
    public void Non_finite_loss_stops_training_naming_the_step_and_keeps_the_last_good_checkpoint()
    {
        var options = Tiny("diverge", 2000, lr: 1e30);
        using var trainer = new Trainer(options, TextWriter.Null, resume: false);
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Run());
        Assert.True(e.Step >= 100, $"diverged at step {e.Step}, before updates began");
        Assert.Contains($"at agent step {e.Step}", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.LastCheckpoint);
        using var file = SafetensorsFile.Open(e.LastCheckpoint!);
        Assert.All(file.Tensors.Where(t => t.Dtype == SafetensorsDtype.F32), t => Assert.All(t.AsSpan<float>().ToArray(), v => Assert.True(float.IsFinite(v), t.Name)));
    }

    [Fact]
    public void Resume_without_a_checkpoint_fails_naming_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new Trainer(Tiny("none", 100), TextWriter.Null, resume: true));
        Assert.Contains("training.safetensors", e.Message, StringComparison.Ordinal);
    }
}
