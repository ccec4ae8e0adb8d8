using Sim2Real.Cli.Commands;
using Sim2Real.Training;

namespace Sim2Real.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-train-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainOptions Parse(ObservationKind kind, params string[] args) =>
        TrainCommand.Options(CommandTable.Root().Parse(["train", .. args]), kind);

    [Fact]
    public void State_runs_default_to_the_measured_reach_settings_and_pixel_runs_to_the_reference()
    {
        var state = Parse(ObservationKind.State, "--obs", "state").Agent;
        var pixels = Parse(ObservationKind.Pixels, "--obs", "pixels").Agent;

        Assert.Equal((256, 3e-4, "linear(1.0,0.1,10000)"), (state.HiddenDim, state.LearningRate, state.StddevSchedule));
        Assert.Equal((1024, 1e-4, "linear(1.0,0.1,500000)"), (pixels.HiddenDim, pixels.LearningRate, pixels.StddevSchedule));
        Assert.Equal((0.99, 3, 2, 256), (state.Discount, state.NStep, state.UpdateEverySteps, state.BatchSize));
    }

    [Fact]
    public void Agent_flags_reach_the_config_and_the_run_directory_is_named_for_the_run()
    {
        var options = Parse(ObservationKind.State, "--obs", "state", "--robot", "quad12", "--task", "walk", "--seed", "4",
            "--lr", "0.001", "--discount", "0.95", "--nstep", "5", "--update-every", "1", "--hidden-dim", "64", "--batch-size", "32",
            "--stddev-schedule", "0.2", "--no-randomize", "--frames", "1234");

        Assert.Equal((0.001, 0.95, 5, 1, 64, 32, "0.2"), (options.Agent.LearningRate, options.Agent.Discount, options.Agent.NStep,
            options.Agent.UpdateEverySteps, options.Agent.HiddenDim, options.Agent.BatchSize, options.Agent.StddevSchedule));
        Assert.Equal(("quad12", "walk", 4, false, 1234L), (options.Robot, options.Task, options.Seed, options.Randomize, options.Frames));
        Assert.Equal(Path.Combine("runs", "quad12-walk-state-s4"), options.RunDirectory);
    }

    [Fact]
    public void Options_left_out_keep_the_training_options_defaults()
    {
        var options = Parse(ObservationKind.State, "--obs", "state");
        var defaults = TrainOptions.For(ObservationKind.State);

        Assert.Equal((defaults.EvalEpisodes, defaults.EvalEveryFrames, defaults.Frames, defaults.SeedFrames, defaults.Seed, defaults.Robot, defaults.Task),
            (options.EvalEpisodes, options.EvalEveryFrames, options.Frames, options.SeedFrames, options.Seed, options.Robot, options.Task));
        Assert.Equal(defaults.Agent, options.Agent);
        Assert.Null(options.Rma);
    }

    [Fact]
    public void Rma_runs_get_phase_one_settings_and_their_own_run_directory()
    {
        var options = Parse(ObservationKind.State, "--obs", "state", "--rma", "--task", "reach_payload", "--world", "rma_training", "--history-length", "45");

        Assert.Equal(45, options.Rma!.HistoryLength);
        Assert.Equal("rma_training", options.World);
        Assert.Equal(Path.Combine("runs", "arm6-reach_payload-state-s1-rma"), options.RunDirectory);
    }

    [Fact]
    public void A_history_length_without_rma_is_refused_naming_the_flag()
    {
        var (code, _, stderr) = CliRunner.Run("train", "--history-length", "45", "--run-dir", _dir);

        Assert.Equal(1, code);
        Assert.Contains("--history-length", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Adapt_on_a_folder_without_a_phase_one_checkpoint_fails_naming_the_checkpoint()
    {
        var (code, _, stderr) = CliRunner.Run("train", "adapt", "--run-dir", _dir);

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(_dir, "checkpoints", "training.safetensors"), stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_rma_needs_exactly_one_source_of_policies()
    {
        var (neither, _, e1) = CliRunner.Run("eval", "rma", "--episodes", "1");
        var (both, _, e2) = CliRunner.Run("eval", "rma", "--run-dir", _dir, "--policies", _dir);
        var (missing, _, e3) = CliRunner.Run("eval", "rma", "--policies", _dir);

        Assert.Equal((1, 1, 1), (neither, both, missing));
        Assert.Contains("--run-dir/--policies", e1, StringComparison.Ordinal);
        Assert.Contains("--run-dir/--policies", e2, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir, "rma.safetensors"), e3, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_redraws_the_learning_curve_from_eval_csv()
    {
        File.WriteAllLines(Path.Combine(_dir, "eval.csv"),
            ["frame,step,mean_return,success_rate,episodes,cpu_s,wall_s", "100,50,-20,0,20,0.5,0.6", "10000,5000,40,0.6,20,61,70"]);

        var (code, stdout, stderr) = CliRunner.Run("train", "plot", "--run-dir", _dir);

        Assert.True(code == 0, stderr);
        Assert.Contains("2 evaluations drawn", stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_dir, "learning_curve.png")).Length > 1000);
    }

    [Fact]
    public void Plot_of_a_folder_without_evaluations_fails_naming_eval_csv()
    {
        var (code, _, stderr) = CliRunner.Run("train", "plot", "--run-dir", _dir);

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(_dir, "eval.csv"), stderr, StringComparison.Ordinal);
    }
}
