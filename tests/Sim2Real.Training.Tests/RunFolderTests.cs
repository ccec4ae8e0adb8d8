using System.Globalization;
using System.Text.RegularExpressions;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Training.Tests;

/// <summary>A training run owns its folder: no silent replacement of an earlier run, no two runs at once, no partial folder, no resume from counters the files contradict.</summary>
public sealed partial class RunFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-runfolder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TrainOptions Tiny(string name, long frames) => TinyRun.Options(_dir, name, frames);

    private TrainOptions Trained(string name, long frames = 400)
    {
        var options = Tiny(name, frames);
        using var trainer = new Trainer(options, TextWriter.Null, resume: false);
        trainer.Run();
        return options;
    }

    [Fact]
    public void A_new_run_into_a_folder_with_an_earlier_run_is_refused_and_the_earlier_run_kept()
    {
        var options = Trained("earlier", 200);
        var evals = File.ReadAllText(Path.Combine(options.RunDirectory, "eval.csv"));

        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(options, TextWriter.Null, resume: false));

        Assert.Equal("run_directory", e.Field);
        Assert.Contains("--resume", e.Message, StringComparison.Ordinal);
        Assert.Contains("--overwrite", e.Message, StringComparison.Ordinal);
        Assert.Equal(evals, File.ReadAllText(Path.Combine(options.RunDirectory, "eval.csv")));
    }

    [Fact]
    public void Overwrite_replaces_the_earlier_run()
    {
        var options = Trained("replaced", 400);

        using (var trainer = new Trainer(options with { Frames = 200 }, TextWriter.Null, resume: false, overwrite: true))
        {
            trainer.Run();
        }

        Assert.Equal(["100", "200"], File.ReadAllLines(Path.Combine(options.RunDirectory, "eval.csv")).Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void A_second_run_on_a_folder_in_use_fails_naming_the_lock_and_leaves_the_first_alone()
    {
        var options = Tiny("busy", 200);
        using var first = new Trainer(options, TextWriter.Null, resume: false);

        var e = Assert.Throws<IOException>(() => new Trainer(options, TextWriter.Null, resume: false, overwrite: true));

        Assert.Contains(RunFolder.LockFileName, e.Message, StringComparison.Ordinal);
        Assert.Equal(200, first.Run().Frame);
    }

    [Fact]
    public void A_run_that_fails_to_start_leaves_no_folder_behind()
    {
        var bad = Assert.Throws<InvalidConfigException>(() => new Trainer(Tiny("seed-frames", 200) with { SeedFrames = -1 }, TextWriter.Null, resume: false));
        Assert.Equal("seed_frames", bad.Field);
        Assert.False(Directory.Exists(Path.Combine(_dir, "seed-frames")));

        // Fails after the folder is claimed: building the environment.
        Assert.ThrowsAny<Exception>(() => new Trainer(Tiny("no-robot", 200) with { Robot = "nosuch" }, TextWriter.Null, resume: false));
        Assert.False(Directory.Exists(Path.Combine(_dir, "no-robot")));
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:x")]
    public void An_unknown_device_is_refused_naming_it(string device)
    {
        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(Tiny("device", 200) with { Device = device }, TextWriter.Null, resume: false));

        Assert.Equal("device", e.Field);
        Assert.Contains(device, e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "device")));
    }

    [Fact]
    public void A_run_folder_that_is_a_file_is_refused_naming_it()
    {
        var file = Path.Combine(_dir, "plain");
        File.WriteAllText(file, "not a folder");

        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(Tiny("plain", 200), TextWriter.Null, resume: false));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void Resuming_at_or_past_the_frame_budget_trains_nothing()
    {
        var options = Trained("done", 400);
        var evals = File.ReadAllText(Path.Combine(options.RunDirectory, "eval.csv"));

        using var resumed = new Trainer(options with { Frames = 200 }, TextWriter.Null, resume: true);

        Assert.True(resumed.AlreadyDone);
        Assert.Equal(400, resumed.StartFrame);
        Assert.Equal(400, resumed.Run().Frame);
        Assert.Equal(evals, File.ReadAllText(Path.Combine(options.RunDirectory, "eval.csv")));
    }

    [Theory]
    [InlineData("counters.step", "-100", "counters.step")]
    [InlineData("counters.step", "150", "replay_state.steps_written")]
    [InlineData("counters.episode", "0", "counters.episode")]
    [InlineData("counters.episode", "999", "replay_state.steps_written")]
    [InlineData("counters.next_eval_frame", "0", "counters.next_eval_frame")]
    [InlineData("counters.cpu_s", "NaN", "counters.cpu_s")]
    [InlineData("steps_written", "1000000000", "replay_state.steps_written")]
    public void A_checkpoint_whose_counters_disagree_with_the_files_is_refused_and_the_history_kept(string key, string value, string named)
    {
        var options = Trained("corrupt-" + key.Replace('.', '_') + value, 400);
        var checkpoint = Path.Combine(options.RunDirectory, "checkpoints", "training.safetensors");
        Corrupt(checkpoint, key, value);
        var evals = File.ReadAllText(Path.Combine(options.RunDirectory, "eval.csv"));

        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(options with { Frames = 600 }, TextWriter.Null, resume: true));

        Assert.Equal(named, e.Field);
        Assert.Contains(checkpoint, e.Message, StringComparison.Ordinal);
        Assert.Equal(evals, File.ReadAllText(Path.Combine(options.RunDirectory, "eval.csv")));
    }

    [Fact]
    public void A_checkpoint_past_the_last_row_of_eval_csv_is_refused_naming_the_file()
    {
        var options = Trained("cut", 400);
        var csv = Path.Combine(options.RunDirectory, "eval.csv");
        File.WriteAllLines(csv, File.ReadAllLines(csv)[..^1]);

        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(options with { Frames = 600 }, TextWriter.Null, resume: true));

        Assert.Equal("counters.step", e.Field);
        Assert.Contains(csv, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Rewrites one counter (or the replay state's steps_written) in a training checkpoint's metadata.</summary>
    private static void Corrupt(string checkpoint, string key, string value)
    {
        byte[] bytes;
        using (var file = SafetensorsFile.Open(checkpoint))
        {
            var metadata = file.Metadata.ToDictionary();
            if (key == "steps_written")
            {
                metadata["replay_state"] = StepsWritten().Replace(metadata["replay_state"], $"\"steps_written\":{value}");
            }
            else
            {
                Assert.True(long.TryParse(metadata[key], CultureInfo.InvariantCulture, out _) || double.TryParse(metadata[key], CultureInfo.InvariantCulture, out _));
                metadata[key] = value;
            }

            bytes = SafetensorsWriter.Serialize(file.Tensors, metadata);
        }

        File.WriteAllBytes(checkpoint, bytes);
    }

    [GeneratedRegex("\"steps_written\":[0-9]+")]
    private static partial Regex StepsWritten();
}
