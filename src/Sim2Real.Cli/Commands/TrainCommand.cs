using System.CommandLine;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Rma;
using Sim2Real.Training;
using Sim2Real.Training.Rma;

namespace Sim2Real.Cli.Commands;

/// <summary>./sim2real train: DrQ-v2 in a simulated robot task with domain randomization; RMA's phase 1 (--rma) and phase 2 (train adapt).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        // Defaults live in TrainOptions (and its per-observation-kind presets); an option left out keeps them.
        var robot = new Option<string?>("--robot") { Description = "robot folder under robots/ (default arm6)" };
        var task = new Option<string?>("--task") { Description = "task name (reach, push, walk, reach_payload; default reach)" };
        var obs = new Option<string>("--obs") { Description = "pixels or state", DefaultValueFactory = _ => "state" };
        var frames = new Option<long?>("--frames") { Description = "environment frames to train for (default 100000)" };
        var seed = new Option<int?>("--seed") { Description = "run seed (training episodes; evaluation uses held-out seeds; default 1)" };
        var device = new Option<string?>("--device") { Description = "cpu or cuda (default cpu)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the run's training checkpoint, exactly" };
        var overwrite = new Option<bool>("--overwrite") { Description = "replace an earlier run in the run folder (without it, or --resume, an earlier run is refused)" };
        var runDir = new Option<string?>("--run-dir") { Description = "output folder (default runs/<robot>-<task>-<obs>-s<seed>, -rma for --rma)" };
        var threads = new Option<int?>("--threads") { Description = "libtorch intra-op threads (default 1)" };
        var evalEvery = new Option<long?>("--eval-every") { Description = "frames between evaluations and checkpoints (default 10000)" };
        var evalEpisodes = new Option<int?>("--eval-episodes") { Description = "held-out episodes per evaluation (default 20)" };
        var hidden = new Option<int?>("--hidden-dim") { Description = "actor/critic MLP width (default: 1024 pixels, 256 state)" };
        var batch = new Option<int?>("--batch-size") { Description = "update batch size (default 256)" };
        var schedule = new Option<string?>("--stddev-schedule") { Description = "exploration stddev schedule in agent steps (default: linear(1.0,0.1,500000) pixels, linear(1.0,0.1,10000) state)" };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate (default: 1e-4 pixels as the reference, 3e-4 state)" };
        var noRandomize = new Option<bool>("--no-randomize") { Description = "turn domain randomization off" };
        var world = new Option<string?>("--world") { Description = "train in a named world of robot.yaml (e.g. rma_training for reach_payload) instead of the randomized one" };
        var seedFrames = new Option<long?>("--seed-frames") { Description = "frames of random actions before updates start (default 4000)" };
        var discount = new Option<double?>("--discount") { Description = "reward discount per agent step (default 0.99)" };
        var nstep = new Option<int?>("--nstep") { Description = "steps summed into one n-step return (default 3)" };
        var updateEvery = new Option<int?>("--update-every") { Description = "agent steps between updates (default 2)" };
        var rma = new Option<bool>("--rma") { Description = "RMA phase 1: e_t appended to the state, μ trained through the critic (docs/rma.md); then `train adapt`" };
        var historyLength = new Option<int?>("--history-length") { Description = "RMA: policy ticks φ reads (rma.history_length, default 50)" };
        var overlap = new Option<bool>("--overlap") { Description = "step the simulator on its own thread while the learner updates (same results, bit for bit)" };
        var command = new Command("train", "Train a DrQ-v2 agent in simulation with domain randomization: live progress, periodic evaluation on held-out seeds, metrics CSV, learning-curve PNG, checkpoints. --rma trains RMA's phase 1; `train adapt` its phase 2.")
        {
            robot, task, obs, frames, seed, device, resume, overwrite, runDir, threads, evalEvery, evalEpisodes, hidden, batch, schedule, lr, discount, nstep, updateEvery, noRandomize, world, seedFrames, rma, historyLength, overlap,
        };
        command.Subcommands.Add(Plot());
        command.Subcommands.Add(Adapt());
        command.SetAction(r =>
        {
            var kind = r.GetValue(obs) switch
            {
                "pixels" => ObservationKind.Pixels,
                "state" => ObservationKind.State,
                var other => (ObservationKind?)null,
            };
            if (kind is null)
            {
                Console.Error.WriteLine($"sim2real train: --obs must be pixels or state, got '{r.GetValue(obs)}'");
                return 1;
            }

            try
            {
                var options = Options(r, kind.Value);
                var final = TrainFlags.Checked(() => LiveProgress.Run(Console.Out, "train", line =>
                {
                    var progress = new ProgressReporter<TrainingProgress>(line, p => (p.Fraction, $"frames {p.Frame}/{p.TotalFrames} | {p.Status}", p.Line));
                    using var trainer = new Trainer(options, line.Log, r.GetValue(resume), progress: progress, overwrite: r.GetValue(overwrite));
                    if (trainer.AlreadyDone)
                    {
                        line.Log.WriteLine($"already done: the checkpoint in {trainer.CheckpointDirectory} is at frame {trainer.StartFrame}, at or past --frames {options.Frames}; give a larger --frames to train on");
                    }

                    return trainer.Run();
                }));
                Console.WriteLine($"done: success {final.SuccessRate:P0}, return {final.MeanReturn:F1} on {final.Episodes} held-out episodes; outputs in {options.RunDirectory}");
                if (options.Rma is not null)
                {
                    Console.WriteLine($"next: ./sim2real train adapt --run-dir {options.RunDirectory}");
                }

                return 0;
            }
            catch (NonFiniteLossException e)
            {
                Console.Error.WriteLine($"sim2real train: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is InvalidConfigException or IOException or InvalidDataException or SafetensorsFormatException or CheckpointMismatchException or NotSupportedException)
            {
                Console.Error.WriteLine($"sim2real train: error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The run a parsed <c>train</c> command asks for: <see cref="TrainOptions.For"/> the observation kind, with what the command line gives.</summary>
    internal static TrainOptions Options(ParseResult r, ObservationKind kind)
    {
        var d = TrainOptions.For(kind);
        var a = d.Agent;
        var robot = r.GetValue<string?>("--robot") ?? d.Robot;
        var task = r.GetValue<string?>("--task") ?? d.Task;
        var seed = r.GetValue<int?>("--seed") ?? d.Seed;
        var rma = r.GetValue<bool>("--rma");
        var history = r.GetValue<int?>("--history-length");
        if (history is not null && !rma)
        {
            throw new InvalidConfigException("train", "--history-length", "is RMA's (rma.history_length): give it with --rma, or to `train adapt`");
        }

        return d with
        {
            Robot = robot,
            Task = task,
            Frames = r.GetValue<long?>("--frames") ?? d.Frames,
            Seed = seed,
            Device = r.GetValue<string?>("--device") ?? d.Device,
            Threads = r.GetValue<int?>("--threads") is { } t ? FlagBounds.Threads(t) : d.Threads,
            EvalEveryFrames = r.GetValue<long?>("--eval-every") ?? d.EvalEveryFrames,
            EvalEpisodes = r.GetValue<int?>("--eval-episodes") ?? d.EvalEpisodes,
            Randomize = !r.GetValue<bool>("--no-randomize"),
            World = r.GetValue<string?>("--world"),
            SeedFrames = r.GetValue<long?>("--seed-frames") ?? d.SeedFrames,
            Overlap = r.GetValue<bool>("--overlap"),
            Rma = rma ? new RmaConfig { HistoryLength = history ?? new RmaConfig().HistoryLength } : null,
            CommandLine = "sim2real " + string.Join(' ', r.Tokens.Select(t => t.Value)),
            RunDirectory = r.GetValue<string?>("--run-dir") ?? Path.Combine("runs", $"{robot}-{task}-{r.GetValue<string>("--obs")}-s{seed}{(rma ? "-rma" : "")}"),
            Agent = a with
            {
                HiddenDim = r.GetValue<int?>("--hidden-dim") ?? a.HiddenDim,
                BatchSize = r.GetValue<int?>("--batch-size") ?? a.BatchSize,
                StddevSchedule = r.GetValue<string?>("--stddev-schedule") ?? a.StddevSchedule,
                LearningRate = r.GetValue<double?>("--lr") ?? a.LearningRate,
                Discount = r.GetValue<double?>("--discount") ?? a.Discount,
                NStep = r.GetValue<int?>("--nstep") ?? a.NStep,
                UpdateEverySteps = r.GetValue<int?>("--update-every") ?? a.UpdateEverySteps,
            },
        };
    }

    /// <summary><c>train adapt</c>: RMA's phase 2 on a phase-1 run.</summary>
    private static Command Adapt()
    {
        var runDir = new Option<string>("--run-dir") { Description = "the RMA phase-1 run (train --rma)", Required = true };
        var outDir = new Option<string?>("--out") { Description = "phase 2's folder (default <run-dir>/adapt)" };
        var frames = new Option<long?>("--frames") { Description = "environment frames of on-policy rollouts (default 100000)" };
        var seed = new Option<int?>("--seed") { Description = "rollout and φ-initialisation seed (default 1)" };
        var resume = new Option<bool>("--resume") { Description = "continue from phase 2's checkpoint, exactly" };
        var overwrite = new Option<bool>("--overwrite") { Description = "replace an earlier phase 2 in its folder (without it, or --resume, an earlier one is refused)" };
        var threads = new Option<int?>("--threads") { Description = "libtorch intra-op threads (default 1)" };
        var evalEvery = new Option<long?>("--eval-every") { Description = "frames between evaluations and checkpoints (default 10000)" };
        var evalEpisodes = new Option<int?>("--eval-episodes") { Description = "held-out episodes per evaluation (default 20)" };
        var batch = new Option<int?>("--batch-size") { Description = "φ's batch (default 256)" };
        var lr = new Option<double?>("--lr") { Description = "φ's Adam learning rate (default 3e-4)" };
        var warmup = new Option<int?>("--warmup") { Description = "policy ticks collected before φ's first update (default 2000)" };
        var capacity = new Option<int?>("--data-capacity") { Description = "policy ticks kept for φ's training, a FIFO (default 50000)" };
        var history = new Option<int?>("--history-length") { Description = "policy ticks φ reads (default: phase 1's rma.history_length)" };
        var command = new Command("adapt", "RMA phase 2: train the adaptation module φ on-policy (π driven by the student's ẑ), MSE(ẑ, μ(e_t)), history pre-filled, normalisation frozen; reports ẑ's error; writes the RMA policy file.")
        {
            runDir, outDir, frames, seed, resume, overwrite, threads, evalEvery, evalEpisodes, batch, lr, warmup, capacity, history,
        };
        command.SetAction(r =>
        {
            var d = new AdaptationOptions { PhaseOneDirectory = r.GetValue(runDir)! };
            var options = d with
            {
                RunDirectory = r.GetValue(outDir),
                Frames = r.GetValue(frames) ?? d.Frames,
                Seed = r.GetValue(seed) ?? d.Seed,
                Threads = r.GetValue(threads) is { } t ? FlagBounds.Threads(t) : d.Threads,
                EvalEveryFrames = r.GetValue(evalEvery) ?? d.EvalEveryFrames,
                EvalEpisodes = r.GetValue(evalEpisodes) ?? d.EvalEpisodes,
                BatchSize = r.GetValue(batch) ?? d.BatchSize,
                LearningRate = r.GetValue(lr) ?? d.LearningRate,
                WarmupTicks = r.GetValue(warmup) ?? d.WarmupTicks,
                DataCapacity = r.GetValue(capacity) ?? d.DataCapacity,
                HistoryLength = r.GetValue(history),
                CommandLine = "sim2real " + string.Join(' ', r.Tokens.Select(t => t.Value)),
            };
            try
            {
                var (final, policyPath) = LiveProgress.Status(Console.Out, "RMA phase 2: training φ on-policy", log =>
                {
                    using var trainer = new AdaptationTrainer(options, log, r.GetValue(resume), overwrite: r.GetValue(overwrite));
                    return (trainer.Run(), trainer.PolicyPath);
                });
                Console.WriteLine($"done: success {final.SuccessRate:P0}, return {final.MeanReturn:F1}, ẑ error (RMS) {final.ZRms:F3} on {final.Episodes} held-out episodes; RMA policy {policyPath}");
                return 0;
            }
            catch (NonFiniteLossException e)
            {
                Console.Error.WriteLine($"sim2real train adapt: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is InvalidConfigException or IOException or InvalidDataException or SafetensorsFormatException or CheckpointMismatchException)
            {
                Console.Error.WriteLine($"sim2real train adapt: error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary><c>train plot</c>: redraws learning curves from eval.csv files: one run's own, or several runs (seeds) on one chart.</summary>
    private static Command Plot()
    {
        var runDir = new Option<string[]>("--run-dir") { Description = "a run's output folder; repeat it to draw several runs (seeds) on one chart", Required = true };
        var outPath = new Option<string?>("--out") { Description = $"the PNG to write (default: <run-dir>/{LearningCurvePlot.FileName}; needed with several runs)" };
        var frames = new Option<long?>("--frames") { Description = "end of the frame axis (default: the last evaluation)" };
        var command = new Command("plot", "Redraw learning curves (held-out success rate and return against frames) from eval.csv: one run into its folder, or several runs on one chart (--out).") { runDir, outPath, frames };
        command.SetAction(r =>
        {
            var runs = r.GetValue(runDir)!;
            var png = r.GetValue(outPath) ?? (runs.Length == 1
                ? Path.Combine(runs[0], LearningCurvePlot.FileName)
                : throw new InvalidConfigException("command line", "--out", $"{runs.Length} runs go on one chart: say where it goes (e.g. --out runs/learning_curves.png)"));
            if (r.GetValue(frames) is < 1)
            {
                throw new InvalidConfigException("command line", "--frames", $"must be at least 1, got {r.GetValue(frames)}");
            }

            try
            {
                var drawn = LearningCurvePlot.Redraw(runs, png, r.GetValue(frames));
                Console.WriteLine($"{drawn.Sum(d => d.Evaluations.Count)} evaluations{(drawn.Count > 1 ? $" of {drawn.Count} runs" : "")} drawn to {png}");
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"sim2real train plot: error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
