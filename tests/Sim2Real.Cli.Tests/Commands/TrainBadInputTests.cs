using Sim2Real.Learning;
using Sim2Real.Training;

namespace Sim2Real.Cli.Tests.Commands;

/// <summary>train's bad input: one line naming the flag or folder, exit 1, and no run folder left that the failed run made.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TrainBadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-train-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Tiny = ["--frames", "200", "--seed-frames", "200", "--eval-every", "200", "--eval-episodes", "1", "--hidden-dim", "16", "--batch-size", "8"];

    private static void AssertOneLine(int code, string stderr, string names)
    {
        Assert.Equal(1, code);
        Assert.Contains(names, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--device", "tpu")]
    [InlineData("--seed-frames", "-1")]
    [InlineData("--frames", "0")]
    [InlineData("--nstep", "0")]
    [InlineData("--threads", "100000")]
    [InlineData("--eval-episodes", "100000000")]
    [InlineData("--hidden-dim", "10000000")]
    [InlineData("--batch-size", "100000000")]
    [InlineData("--nstep", "100000")]
    [InlineData("--obs", "depth")]
    public void A_bad_flag_is_one_line_naming_it_and_leaves_no_run_folder(string flag, string value)
    {
        var run = Path.Combine(_dir, "run");
        // The flag replaces Tiny's own value: given twice, the parser's "expects a single argument" would name it instead.
        var args = Tiny.ToList();
        var index = args.IndexOf(flag);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([flag, value]);
        }

        var (code, _, stderr) = CliRunner.Run(["train", .. args, "--run-dir", run]);

        AssertOneLine(code, stderr, flag);
        Assert.StartsWith("sim2real train: error: ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void Adapt_with_more_threads_than_the_machine_can_run_is_one_line_naming_the_flag()
    {
        var (code, _, stderr) = CliRunner.Run("train", "adapt", "--run-dir", _dir, "--threads", "100000");

        AssertOneLine(code, stderr, "--threads");
        Assert.False(Directory.Exists(Path.Combine(_dir, "adapt")));
    }

    [Fact]
    public void Cuda_on_a_libtorch_without_it_is_one_line_naming_the_device_flag_and_accepted_with_it()
    {
        var run = Path.Combine(_dir, "cuda");
        if (TorchInfo.CudaAvailable)
        {
            // A CUDA build accepts the device; the refusal is for builds without it.
            var options = TrainOptions.For(ObservationKind.State) with { Device = "cuda", RunDirectory = run };
            Assert.Same(options, options.Validate());
            return;
        }

        var (code, _, stderr) = CliRunner.Run(["train", .. Tiny, "--device", "cuda", "--run-dir", run]);

        AssertOneLine(code, stderr, "--device");
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void A_run_folder_that_is_a_file_is_one_line_naming_it()
    {
        var file = Path.Combine(_dir, "plain");
        File.WriteAllText(file, "x");

        var (code, _, stderr) = CliRunner.Run(["train", .. Tiny, "--run-dir", file]);

        AssertOneLine(code, stderr, file);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void A_second_run_on_a_folder_in_use_is_one_line_naming_the_lock()
    {
        var run = Path.Combine(_dir, "busy");
        var options = TrainOptions.For(ObservationKind.State) with { RunDirectory = run, Frames = 200 };
        using var first = new Trainer(options, TextWriter.Null, resume: false);

        var (code, _, stderr) = CliRunner.Run(["train", .. Tiny, "--run-dir", run, "--overwrite"]);

        AssertOneLine(code, stderr, "train.lock");
        Assert.True(Directory.Exists(run));
    }

    [Fact]
    public void An_earlier_run_is_kept_unless_resumed_or_overwritten_and_a_finished_resume_says_it_is_done()
    {
        var run = Path.Combine(_dir, "earlier");
        var (trained, _, e0) = CliRunner.Run(["train", .. Tiny, "--run-dir", run]);
        Assert.True(trained == 0, e0);
        var evals = File.ReadAllText(Path.Combine(run, "eval.csv"));

        var (again, _, e1) = CliRunner.Run(["train", .. Tiny, "--run-dir", run]);
        var (done, stdout, e2) = CliRunner.Run(["train", .. Tiny, "--run-dir", run, "--resume"]);
        var (both, _, e3) = CliRunner.Run(["train", .. Tiny, "--run-dir", run, "--resume", "--overwrite"]);

        AssertOneLine(again, e1, "--resume");
        Assert.Contains("--overwrite", e1, StringComparison.Ordinal);
        Assert.True(done == 0, e2);
        Assert.Contains("already done", stdout, StringComparison.Ordinal);
        AssertOneLine(both, e3, "--resume/--overwrite");
        Assert.Equal(evals, File.ReadAllText(Path.Combine(run, "eval.csv")));
    }

    [Fact]
    public void Plot_of_an_eval_csv_without_rows_fails_naming_it()
    {
        File.WriteAllText(Path.Combine(_dir, "eval.csv"), "frame,step,mean_return,success_rate,episodes,cpu_s,wall_s\n");

        var (code, _, stderr) = CliRunner.Run("train", "plot", "--run-dir", _dir);

        AssertOneLine(code, stderr, Path.Combine(_dir, "eval.csv"));
        Assert.False(File.Exists(Path.Combine(_dir, "learning_curve.png")));
    }

    [Fact]
    public void Plot_of_several_runs_needs_out_and_draws_them_on_one_chart()
    {
        string[] runs = [Path.Combine(_dir, "s1"), Path.Combine(_dir, "s2")];
        foreach (var run in runs)
        {
            Directory.CreateDirectory(run);
            File.WriteAllLines(Path.Combine(run, "eval.csv"), ["frame,step,mean_return,success_rate,episodes,cpu_s,wall_s", "100,50,-20,0,20,0.5,0.6", "10000,5000,40,0.6,20,61,70"]);
        }

        var (missing, _, e1) = CliRunner.Run("train", "plot", "--run-dir", runs[0], "--run-dir", runs[1]);
        var png = Path.Combine(_dir, "seeds.png");
        var (code, stdout, e2) = CliRunner.Run("train", "plot", "--run-dir", runs[0], "--run-dir", runs[1], "--out", png);

        AssertOneLine(missing, e1, "--out");
        Assert.True(code == 0, e2);
        Assert.Contains("4 evaluations of 2 runs drawn", stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(png).Length > 1000);
    }
}
