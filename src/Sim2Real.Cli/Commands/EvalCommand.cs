using System.CommandLine;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Sim2Real.Training.Rma;

namespace Sim2Real.Cli.Commands;

/// <summary>./sim2real eval: scoring tables over policy files.</summary>
internal static class EvalCommand
{
    /// <summary>In a <c>--policies</c> folder: the RMA bundle and the DR-only baseline, as policies/ ships them.</summary>
    public const string RmaFileName = "rma.safetensors";
    public const string BaselineFileName = "dr_only.safetensors";

    public static Command Create()
    {
        var command = new Command("eval", "Score policies on held-out seeded episodes and write the table.");
        command.Subcommands.Add(Rma());
        return command;
    }

    private static Command Rma()
    {
        var runDir = new Option<string?>("--run-dir") { Description = "an RMA run: the phase-1 folder (its adapt/ holds the RMA policy) or the phase-2 folder" };
        var baseline = new Option<string?>("--baseline") { Description = "with --run-dir: the DR-only policy file, or the run folder whose checkpoints/ holds it" };
        var policies = new Option<string?>("--policies") { Description = $"a folder with {RmaFileName} and {BaselineFileName} (e.g. policies/arm6-reach_payload)" };
        var episodes = new Option<int>("--episodes") { Description = "episodes per world and policy", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "episode seed (the same episodes for all four policies)", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string?>("--out") { Description = "where rma_eval.csv/.md and the ẑ tracking plot go (default runs/eval-rma-s<seed>)" };
        var json = new Option<bool>("--json") { Description = "print the table as one JSON object on the last line" };
        var command = new Command("rma", "RMA's table: DR-only, RMA without adaptation (mean z), RMA (φ) and the expert (true z) on the training ranges, wider test ranges with mid-episode re-sampling, and real_like; success, return, final error, torque, smoothness; ẑ's settling after a payload jump.")
        {
            runDir, baseline, policies, episodes, seed, outDir, json,
        };
        command.SetAction(r =>
        {
            var (rmaPath, baselinePath) = Resolve(r.GetValue(runDir), r.GetValue(baseline), r.GetValue(policies));
            var options = new RmaEvalOptions
            {
                RmaPolicy = rmaPath,
                BaselinePolicy = baselinePath,
                Episodes = r.GetValue(episodes),
                Seed = r.GetValue(seed),
                OutDirectory = r.GetValue(outDir) ?? Path.Combine("runs", $"eval-rma-s{r.GetValue(seed)}"),
            };
            var report = LiveProgress.Run(Console.Out, "eval rma", line =>
                RmaEvaluation.Run(options, line.Log, new ProgressReporter<RmaEvalProgress>(line, p => (p.Fraction, p.Part, null))));
            RmaEvaluation.Write(report, options);
            Console.WriteLine($"ẑ settling after a payload jump: {(double.IsFinite(report.MedianSettleS) ? $"{report.MedianSettleS:F2} s (median of {report.SettleTimesS.Count})" : "not reached")}; {report.CpuSeconds / 60:F1} CPU minutes");
            Console.WriteLine($"wrote {Path.Combine(options.OutDirectory, RmaEvaluation.CsvFileName)}, {RmaEvaluation.MarkdownFileName}, {RmaEvaluation.TrackingCsvFileName}, {RmaEvaluation.TrackingPlotFileName}");
            if (r.GetValue(json))
            {
                Console.WriteLine(RmaEvaluation.Json(report));
            }

            return 0;
        });
        return command;
    }

    private static (string Rma, string Baseline) Resolve(string? runDir, string? baseline, string? policies)
    {
        if ((runDir is null) == (policies is null))
        {
            throw new InvalidConfigException("eval rma", "--run-dir/--policies", "give exactly one: an RMA run (--run-dir, with --baseline) or a folder of policy files (--policies)");
        }

        if (policies is not null)
        {
            if (baseline is not null)
            {
                throw new InvalidConfigException("eval rma", "--baseline", $"goes with --run-dir; a --policies folder holds its own {BaselineFileName}");
            }

            return (Existing(Path.Combine(policies, RmaFileName), "--policies"), Existing(Path.Combine(policies, BaselineFileName), "--policies"));
        }

        if (baseline is null)
        {
            throw new InvalidConfigException("eval rma", "--baseline", "--run-dir needs the DR-only baseline too: its policy file or run folder");
        }

        var inPhaseTwo = Path.Combine(runDir!, "checkpoints", PolicyFile.FileName);
        var rma = File.Exists(inPhaseTwo) && !File.Exists(Path.Combine(runDir!, "checkpoints", "training.safetensors"))
            ? inPhaseTwo
            : Existing(Path.Combine(runDir!, "adapt", "checkpoints", PolicyFile.FileName), "--run-dir (run `train adapt --run-dir` on it first)");
        var baselinePath = Directory.Exists(baseline) ? Path.Combine(baseline, "checkpoints", PolicyFile.FileName) : baseline;
        return (rma, Existing(baselinePath, "--baseline"));
    }

    private static string Existing(string path, string option) =>
        File.Exists(path) ? path : throw new InvalidConfigException("eval rma", option, $"no policy file at {path}");
}
