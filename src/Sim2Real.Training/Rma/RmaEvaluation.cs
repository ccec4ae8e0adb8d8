using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sim2Real.Core;
using Sim2Real.Files;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Tasks;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Training.Rma;

/// <summary>
/// RMA's evaluation (issue 19 item 5) from two policy files: DR-only (the baseline), RMA without adaptation (z at
/// the mean), RMA (ẑ from φ at its rate) and the expert (z = μ(e_t)), each on the same seeded episodes of three
/// worlds: the training ranges (rma_training), wider test ranges with the payload re-sampled mid-episode
/// (rma_test), and real_like. Then ẑ's settling time after a scripted payload jump, and one jump's trace.
/// </summary>
public static class RmaEvaluation
{
    public const string CsvFileName = "rma_eval.csv";
    public const string MarkdownFileName = "rma_eval.md";
    public const string TrackingCsvFileName = "zhat_tracking.csv";
    public const string TrackingPlotFileName = "zhat_tracking.png";
    public const string TrainingWorld = "rma_training";
    public const string TestWorld = "rma_test";

    public static IReadOnlyList<string> Worlds { get; } = ["training", "test", WorldNames.RealLike];

    public static IReadOnlyList<string> Policies { get; } = ["dr_only", "rma_no_adaptation", "rma", "expert"];

    /// <summary>Control step of the scripted payload jump: half-way through the 6 s episode.</summary>
    public const int JumpStep = 150;

    /// <exception cref="PolicyFileException">A file is not the policy it should be (the RMA file not kind rma, the baseline not drqv2).</exception>
    /// <exception cref="InvalidConfigException">The robot lacks a world, or a policy's observation does not fit the task.</exception>
    /// <param name="progress">Told before each part starts (a live display); the finished rows go to <paramref name="log"/> either way.</param>
    public static RmaEvalReport Run(RmaEvalOptions options, TextWriter log, IProgress<RmaEvalProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var factors = ReadFactors(options.RmaPolicy);
        using var rmaLoaded = PolicyFile.Load(options.RmaPolicy);
        var rma = rmaLoaded.Policy as RmaPolicy
            ?? throw new PolicyFileException($"{options.RmaPolicy}: agent kind '{rmaLoaded.Manifest.Agent.Kind}', not an RMA policy (kind rma, written by `train adapt`)");
        using var baseline = PolicyFile.Load(options.BaselinePolicy);
        if (baseline.Manifest.Agent.Kind != "drqv2")
        {
            throw new PolicyFileException($"{options.BaselinePolicy}: agent kind '{baseline.Manifest.Agent.Kind}'; the DR-only baseline is a plain DrQ-v2 policy file (train --task {TaskCatalog.ReachPayload.Name} --world {TrainingWorld})");
        }

        var robot = rmaLoaded.Manifest.Robot.Name;
        if (baseline.Manifest.Robot.Name != robot)
        {
            throw new PolicyFileException($"{options.BaselinePolicy}: trained for robot '{baseline.Manifest.Robot.Name}', the RMA policy for '{robot}'");
        }

        var rows = new List<RmaEvalRow>();
        var parts = (Worlds.Count * Policies.Count) + 1;
        foreach (var world in Worlds)
        {
            using var env = RobotEnvironments.Create(Environment(robot, world, options, jumpKg: null));
            Check(env, rmaLoaded, options.RmaPolicy);
            Check(env, baseline, options.BaselinePolicy);
            foreach (var name in Policies)
            {
                IPolicy policy = name == "dr_only" ? baseline.Policy : rma;
                rma.Mode = name switch { "rma_no_adaptation" => RmaMode.MeanZ, "expert" => RmaMode.Expert, _ => RmaMode.Adaptive };
                progress?.Report(new RmaEvalProgress(rows.Count, parts, $"{world}: {name}, {options.Episodes} episodes"));
                var row = Score(env, policy, factors, world, name, options);
                rows.Add(row);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{world,-9} {name,-18} success {row.Success:P0}  return {row.Return,7:F1}  final error {100 * row.FinalError:F1} cm  torque {row.Torque:F2} N m  smoothness {row.Smoothness:F3} N m"));
            }
        }

        progress?.Report(new RmaEvalProgress(rows.Count, parts, "ẑ tracking payload jumps"));
        var (settle, trace) = Jumps(robot, rma, factors, options);
        rma.Mode = RmaMode.Adaptive;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuStart;
        return new RmaEvalReport(rows, settle, trace, JumpStep * rmaLoaded.Manifest.Timing.ControlPeriodS, cpu);
    }

    /// <summary>Writes rma_eval.csv, rma_eval.md, zhat_tracking.csv and zhat_tracking.png, each atomically.</summary>
    public static void Write(RmaEvalReport report, RmaEvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.OutDirectory);
        var csv = new StringBuilder("world,policy,episodes,success,return,final_error_m,torque_nm,smoothness_nm\n");
        foreach (var r in report.Rows)
        {
            csv.Append(string.Create(CultureInfo.InvariantCulture, $"{r.World},{r.Policy},{r.Episodes},{r.Success:G6},{r.Return:G6},{r.FinalError:G6},{r.Torque:G6},{r.Smoothness:G6}\n"));
        }

        WriteText(Path.Combine(options.OutDirectory, CsvFileName), csv.ToString());
        WriteText(Path.Combine(options.OutDirectory, MarkdownFileName), Markdown(report, options));
        var trace = new StringBuilder("time_s,payload_kg,z_error_with_phi,z_error_without_phi\n");
        foreach (var p in report.Tracking)
        {
            trace.Append(string.Create(CultureInfo.InvariantCulture, $"{p.TimeS:G6},{p.PayloadKg:G6},{p.ErrorWithPhi:G6},{p.ErrorWithoutPhi:G6}\n"));
        }

        WriteText(Path.Combine(options.OutDirectory, TrackingCsvFileName), trace.ToString());
        var png = Path.Combine(options.OutDirectory, TrackingPlotFileName);
        LearningCurvePlot.WriteTracking(png, report.Tracking);
    }

    /// <summary>One JSON object: for each world and each of the four policies, success, return, final_error, torque, smoothness; and ẑ's settling.</summary>
    public static string Json(RmaEvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var worlds = new Dictionary<string, object>();
        foreach (var group in report.Rows.GroupBy(r => r.World))
        {
            worlds[group.Key] = group.ToDictionary(r => r.Policy, r => new Dictionary<string, double>
            {
                ["success"] = Math.Round(r.Success, 6),
                ["return"] = Math.Round(r.Return, 6),
                ["final_error"] = Math.Round(r.FinalError, 6),
                ["torque"] = Math.Round(r.Torque, 6),
                ["smoothness"] = Math.Round(r.Smoothness, 6),
            });
        }

        worlds["zhat_settle_s"] = double.IsFinite(report.MedianSettleS) ? Math.Round(report.MedianSettleS, 4) : (object)"not settled";
        return JsonSerializer.Serialize(worlds);
    }

    private static string Markdown(RmaEvalReport report, RmaEvalOptions options)
    {
        var md = new StringBuilder();
        md.Append(string.Create(CultureInfo.InvariantCulture,
            $"# RMA evaluation: {report.Rows[0].Episodes} episodes per cell, seed {options.Seed}, {report.CpuSeconds / 60:F1} CPU minutes\n\n"));
        md.Append(string.Create(CultureInfo.InvariantCulture, $"RMA policy `{options.RmaPolicy}`, DR-only baseline `{options.BaselinePolicy}`.\n\n"));
        md.Append("| world | policy | success % | return | final error (cm) | torque (N m) | smoothness (N m) |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in report.Rows)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {r.World} | {r.Policy} | {100 * r.Success:F1} | {r.Return:F1} | {100 * r.FinalError:F2} | {r.Torque:F3} | {r.Smoothness:F4} |\n"));
        }

        var settled = report.SettleTimesS.Count(double.IsFinite);
        md.Append(string.Create(CultureInfo.InvariantCulture,
            $"\nẑ after a payload jump at {report.JumpTimeS:F1} s: settled in {settled} of {report.SettleTimesS.Count} episodes; median settling time {(double.IsFinite(report.MedianSettleS) ? $"{report.MedianSettleS:F2} s" : "not reached")} (back within 1.2x its pre-jump error, floor 0.05, and staying there).\n"));
        return md.ToString();
    }

    private static EnvironmentOptions Environment(string robot, string world, RmaEvalOptions options, double? jumpKg)
    {
        var task = new PayloadReachTaskOptions();
        if (world == "test")
        {
            task = task with { PayloadKg = options.TestPayloadKg, PayloadResampleProbability = options.TestResampleProbability };
        }

        if (jumpKg is { } kg)
        {
            task = task with { PayloadJumpStep = JumpStep, PayloadJumpKg = kg };
        }

        return new EnvironmentOptions
        {
            Robot = robot,
            Task = TaskCatalog.ReachPayload.Name,
            World = world switch { "training" => TrainingWorld, "test" => TestWorld, _ => world },
            PayloadReachTask = task,
        };
    }

    private static void Check(IEnvironment env, LoadedPolicy policy, string path)
    {
        var manifest = policy.Manifest;
        if (manifest.Observation.StateSize != env.Layout.Size)
        {
            throw new InvalidConfigException(path, "observation.state_size",
                $"the policy reads a state of {manifest.Observation.StateSize} values ([{string.Join(", ", manifest.Observation.Fields.Select(f => f.Name))}]); {env.Robot.Name}/{TaskCatalog.ReachPayload.Name} gives {env.Layout.Size}: φ's history needs the observations it was trained on");
        }
    }

    private static RmaEvalRow Score(IEnvironment env, IPolicy policy, EnvFactorSet factors, string world, string name, RmaEvalOptions options)
    {
        var action = new float[env.ActionSpec.Size];
        var e = new float[factors.Size];
        double success = 0, ret = 0, error = 0, torque = 0, smooth = 0;
        for (var i = 0; i < options.Episodes; i++)
        {
            var ts = env.Reset(EpisodeSeeds.World(options.Seed, i));
            policy.Reset();
            double t = 0, s = 0;
            var ticks = 0;
            while (!ts.IsLast)
            {
                factors.Read(ts, e);
                policy.Act(new Observation(ts.Observation.State, privileged: e), action);
                ts = env.Step(action);
                ret += ts.Reward;
                t += ts.Info.Metrics["torque_nm"];
                s += ts.Info.Metrics["torque_change_nm"];
                ticks++;
            }

            success += ts.Info.Success ? 1 : 0;
            error += ts.Info.Metrics["distance_m"];
            torque += t / Math.Max(1, ticks);
            smooth += s / Math.Max(1, ticks);
        }

        double n = options.Episodes;
        return new RmaEvalRow(world, name, options.Episodes, success / n, ret / n, error / n, torque / n, smooth / n);
    }

    /// <summary>
    /// Episodes of the training world where the payload jumps at <see cref="JumpStep"/> to 2 kg or to 0, whichever
    /// is farther from the episode's first payload: ẑ's error with φ, and the mean z's, against μ(e_t) at every tick; the settling time is how
    /// long after the jump ẑ's error is back within 1.2x its mean over the second before (floor 0.05) for good.
    /// </summary>
    private static (List<double> Settle, List<RmaTrackingPoint> Trace) Jumps(string robot, RmaPolicy rma, EnvFactorSet factors, RmaEvalOptions options)
    {
        var settle = new List<double>();
        List<RmaTrackingPoint>? first = null;
        using var up = RobotEnvironments.Create(Environment(robot, "training", options, jumpKg: 2.0));
        using var down = RobotEnvironments.Create(Environment(robot, "training", options, jumpKg: 0.0));
        var action = new float[up.ActionSpec.Size];
        var e = new float[factors.Size];
        rma.Mode = RmaMode.Adaptive;
        var seed = EpisodeSeeds.HeldOut(options.Seed);
        for (var i = 0; i < options.JumpEpisodes; i++)
        {
            // Both environments draw the same first payload for a seed; jump to whichever end is farther from it.
            var env = up;
            var ts = env.Reset(EpisodeSeeds.World(seed, i));
            if (ts.Info.Metrics["payload_kg"] >= 1)
            {
                env = down;
                ts = env.Reset(EpisodeSeeds.World(seed, i));
            }

            rma.Reset();
            var trace = new List<RmaTrackingPoint>();
            var period = env.Robot.Control.PeriodS;
            while (!ts.IsLast)
            {
                factors.Read(ts, e);
                rma.Act(new Observation(ts.Observation.State, privileged: e), action);
                var z = Teacher(rma.Mu, e);
                trace.Add(new RmaTrackingPoint(ts.Info.ControlStep * period, ts.Info.Metrics["payload_kg"], Rms(rma.Extrinsics, z), Rms(rma.MeanZ.ToArray(), z)));
                ts = env.Step(action);
            }

            first ??= trace;
            settle.Add(SettleTime(trace, JumpStep * period));
        }

        return (settle, first ?? []);
    }

    internal static double SettleTime(IReadOnlyList<RmaTrackingPoint> trace, double jumpS)
    {
        var before = trace.Where(p => p.TimeS >= jumpS - 1 && p.TimeS < jumpS).Select(p => p.ErrorWithPhi).DefaultIfEmpty(0).Average();
        var band = Math.Max(0.05, 1.2 * before);
        var after = trace.Where(p => p.TimeS >= jumpS).ToList();
        for (var i = 0; i < after.Count; i++)
        {
            if (after.Skip(i).All(p => p.ErrorWithPhi <= band))
            {
                return after[i].TimeS - jumpS;
            }
        }

        return double.NaN;
    }

    private static float[] Teacher(EnvFactorEncoder mu, float[] e)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        return mu.Forward(Tensor.FromSpan<float>(e, [1, e.Length], mu.Parameters()[0].Device)).ToArray<float>();
    }

    private static double Rms(ReadOnlySpan<float> a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < b.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / b.Length);
    }

    private static EnvFactorSet ReadFactors(string path)
    {
        if (!File.Exists(path))
        {
            throw new PolicyFileException($"{path}: no such file");
        }

        using var file = SafetensorsFile.Open(path);
        return file.Metadata.TryGetValue(RmaBundle.EnvFactorsKey, out var json)
            ? EnvFactorSet.FromJson(json, path, RmaBundle.EnvFactorsKey)
            : throw new PolicyFileException($"{path}: no '{RmaBundle.EnvFactorsKey}' metadata: not an RMA policy file (written by `train adapt`)");
    }

    // The one atomic writer: fsynced, and no ".tmp" left beside the table when the write fails.
    private static void WriteText(string path, string text) => AtomicFile.WriteAllText(path, text);
}
