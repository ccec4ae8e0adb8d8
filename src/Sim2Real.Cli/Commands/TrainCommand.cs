using System.CommandLine;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Training;

namespace Sim2Real.Cli.Commands;

/// <summary>./sim2real train: DrQ-v2 in a simulated robot task with domain randomization.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var robot = new Option<string>("--robot") { Description = "robot folder under robots/", DefaultValueFactory = _ => "arm6" };
        var task = new Option<string>("--task") { Description = "task name (reach, push, walk)", DefaultValueFactory = _ => "reach" };
        var obs = new Option<string>("--obs") { Description = "pixels or state", DefaultValueFactory = _ => "state" };
        var frames = new Option<long>("--frames") { Description = "environment frames to train for", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "run seed (training episodes; evaluation uses held-out seeds)", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var resume = new Option<bool>("--resume") { Description = "continue from the run's training checkpoint, exactly" };
        var runDir = new Option<string?>("--run-dir") { Description = "output folder (default runs/<robot>-<task>-<obs>-s<seed>)" };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads", DefaultValueFactory = _ => 1 };
        var evalEvery = new Option<long>("--eval-every") { Description = "frames between evaluations (and checkpoints)", DefaultValueFactory = _ => 10_000 };
        var evalEpisodes = new Option<int>("--eval-episodes") { Description = "held-out episodes per evaluation", DefaultValueFactory = _ => 20 };
        var hidden = new Option<int?>("--hidden-dim") { Description = "actor/critic MLP width (default: 1024 pixels, 256 state)" };
        var batch = new Option<int>("--batch-size") { Description = "update batch size", DefaultValueFactory = _ => 256 };
        var schedule = new Option<string?>("--stddev-schedule") { Description = "exploration stddev schedule in agent steps (default: linear(1.0,0.1,500000) pixels, linear(1.0,0.1,10000) state)" };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate (default: 1e-4 pixels as the reference, 3e-4 state)" };
        var noRandomize = new Option<bool>("--no-randomize") { Description = "turn domain randomization off" };
        var seedFrames = new Option<long>("--seed-frames") { Description = "frames of random actions before updates start", DefaultValueFactory = _ => 4000 };
        var discount = new Option<double>("--discount") { Description = "reward discount per agent step", DefaultValueFactory = _ => 0.99 };
        var nstep = new Option<int>("--nstep") { Description = "steps summed into one n-step return", DefaultValueFactory = _ => 3 };
        var updateEvery = new Option<int>("--update-every") { Description = "agent steps between updates", DefaultValueFactory = _ => 2 };
        var command = new Command("train", "Train a DrQ-v2 agent in simulation with domain randomization: live progress, periodic evaluation on held-out seeds, metrics CSV, learning-curve PNG, checkpoints.")
        {
            robot, task, obs, frames, seed, device, resume, runDir, threads, evalEvery, evalEpisodes, hidden, batch, schedule, lr, discount, nstep, updateEvery, noRandomize, seedFrames,
        };
        command.Subcommands.Add(Plot());
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

            var options = Options(r, kind.Value);
            try
            {
                using var trainer = new Trainer(options, Console.Out, r.GetValue(resume), liveLine: !Console.IsOutputRedirected);
                var final = trainer.Run();
                Console.WriteLine($"done: success {final.SuccessRate:P0}, return {final.MeanReturn:F1} on {final.Episodes} held-out episodes; outputs in {options.RunDirectory}");
                return 0;
            }
            catch (NonFiniteLossException e)
            {
                Console.Error.WriteLine($"\nsim2real train: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is InvalidConfigException or FileNotFoundException or SafetensorsFormatException or CheckpointMismatchException or NotSupportedException)
            {
                Console.Error.WriteLine($"sim2real train: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The run a parsed <c>train</c> command asks for, with the defaults of its observation kind.</summary>
    internal static TrainOptions Options(ParseResult r, ObservationKind kind)
    {
        T Get<T>(string name) => r.GetValue<T>(name)!;
        var pixels = kind == ObservationKind.Pixels;
        return new TrainOptions
        {
            Robot = Get<string>("--robot"),
            Task = Get<string>("--task"),
            Observation = kind,
            Frames = Get<long>("--frames"),
            Seed = Get<int>("--seed"),
            Device = Get<string>("--device"),
            Threads = Get<int>("--threads"),
            EvalEveryFrames = Get<long>("--eval-every"),
            EvalEpisodes = Get<int>("--eval-episodes"),
            Randomize = !Get<bool>("--no-randomize"),
            SeedFrames = Get<long>("--seed-frames"),
            CommandLine = "sim2real train " + string.Join(' ', r.Tokens.Select(t => t.Value)),
            RunDirectory = r.GetValue<string?>("--run-dir") ?? Path.Combine("runs", $"{Get<string>("--robot")}-{Get<string>("--task")}-{Get<string>("--obs")}-s{Get<int>("--seed")}"),

            // Pixels keep the reference's settings. States get a narrower MLP, 3x the learning rate and a 20k-frame
            // exploration decay: measured on arm6 reach (docs/learning.md), where the reference's settings, made
            // for millions of DMC frames, learn nothing useful within the 30 CPU-minute budget.
            Agent = new DrQV2Config
            {
                HiddenDim = r.GetValue<int?>("--hidden-dim") ?? (pixels ? 1024 : 256),
                BatchSize = Get<int>("--batch-size"),
                StddevSchedule = r.GetValue<string?>("--stddev-schedule") ?? (pixels ? "linear(1.0,0.1,500000)" : "linear(1.0,0.1,10000)"),
                LearningRate = r.GetValue<double?>("--lr") ?? (pixels ? 1e-4 : 3e-4),
                Discount = Get<double>("--discount"),
                NStep = Get<int>("--nstep"),
                UpdateEverySteps = Get<int>("--update-every"),
            },
        };
    }

    /// <summary><c>train plot</c>: redraws a run's learning curve from its eval.csv (after editing or merging runs, or with a new axis end).</summary>
    private static Command Plot()
    {
        var runDir = new Option<string>("--run-dir") { Description = "the run's output folder", Required = true };
        var frames = new Option<long?>("--frames") { Description = "end of the frame axis (default: the last evaluation)" };
        var command = new Command("plot", "Redraw a run's learning_curve.png from its eval.csv.") { runDir, frames };
        command.SetAction(r =>
        {
            try
            {
                var evals = LearningCurvePlot.Redraw(r.GetValue(runDir)!, r.GetValue(frames));
                Console.WriteLine($"{evals.Count} evaluations drawn to {Path.Combine(r.GetValue(runDir)!, LearningCurvePlot.FileName)}");
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"sim2real train plot: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
