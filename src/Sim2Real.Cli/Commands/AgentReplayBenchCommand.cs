using System.CommandLine;
using System.Text.Json;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Learning.Replay.Benchmarks;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// <c>agent replay-bench</c>: the experience buffer's sampling throughput against the reference's python sampler, in one
/// run. (A verb of agent's, so that "replay" means replaying logged episodes.)
/// </summary>
internal static class AgentReplayBenchCommand
{
    public static Command Create()
    {
        var capacity = new Option<int>("--capacity") { Description = "Buffer capacity in steps (frames live in a sparse memory-mapped file).", DefaultValueFactory = _ => 1_000_000 };
        var steps = new Option<int>("--steps") { Description = "Steps written before sampling (both implementations hold this many).", DefaultValueFactory = _ => 10_000 };
        var batch = new Option<int>("--batch") { Description = "Transitions per batch.", DefaultValueFactory = _ => 256 };
        var stack = new Option<int>("--stack") { Description = "Frames stacked per observation.", DefaultValueFactory = _ => 3 };
        var nstep = new Option<int>("--nstep") { Description = "Steps of the n-step return.", DefaultValueFactory = _ => 3 };
        var size = new Option<int>("--size") { Description = "Frame height and width in pixels.", DefaultValueFactory = _ => 84 };
        var seconds = new Option<double>("--seconds") { Description = "Sampling time measured per implementation.", DefaultValueFactory = _ => 3.0 };
        var threads = new Option<int>("--threads") { Description = "Sampling threads for the parallel measurement (the 1-thread one always runs).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var concurrent = new Option<bool>("--concurrent") { Description = "Also measure while an actor thread adds steps at full speed." };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip the python3 reference sampler." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };

        var command = new Command("replay-bench", "Measure experience-replay sampling (batches/s, transitions/s) for DrQ-v2 pixels, against the reference implementation's numpy sampler run by /usr/bin/python3 in the same run.");
        foreach (var option in new Option[] { capacity, steps, batch, stack, nstep, size, seconds, threads, concurrent, noReference, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var settings = new ReplayBenchSettings(
                parse.GetValue(capacity),
                parse.GetValue(steps),
                parse.GetValue(batch),
                parse.GetValue(stack),
                parse.GetValue(nstep),
                parse.GetValue(size),
                ActionDim: 6,
                EpisodeLength: 500,
                parse.GetValue(seconds),
                Threads: 1,
                WithProducer: false);
            return Run(settings, parse.GetValue(threads), parse.GetValue(concurrent), !parse.GetValue(noReference), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>The sampling runs (and the Python reference), their lines to <paramref name="log"/>.</summary>
    private static (List<ReplayBenchResult> Results, ReplayBenchResult? Python, string? Skipped) Measure(ReplayBenchSettings settings, int threads, bool concurrent, bool reference, TextWriter log)
    {
        log.WriteLine($"agent replay-bench: B={settings.Batch}, {settings.Size}x{settings.Size}, stack {settings.Stack}, nstep {settings.NStep}, capacity {settings.Capacity}, {settings.Steps} steps held, {settings.Seconds} s each, {Environment.ProcessorCount} cores");
        var results = new List<ReplayBenchResult> { ReplaySamplingBench.Run(settings, log) };
        if (threads > 1)
        {
            results.Add(ReplaySamplingBench.Run(settings with { Threads = threads }, log));
        }

        if (concurrent)
        {
            results.Add(ReplaySamplingBench.Run(settings with { Threads = threads, WithProducer = true }, log));
        }

        ReplayBenchResult? python = null;
        string? skipped = null;
        if (reference)
        {
            var script = PythonReplayReference.FindScript();
            if (script is null)
            {
                skipped = $"{PythonReplayReference.ScriptPath} not found above {AppContext.BaseDirectory}";
            }
            else
            {
                python = PythonReplayReference.Run(script, settings);
                results.Add(python);
            }
        }

        return (results, python, skipped);
    }

    private static int Run(ReplayBenchSettings settings, int threads, bool concurrent, bool reference, bool asJson)
    {
        Validate(settings, threads);

        var (results, python, skipped) = LiveProgress.Status(Console.Out, "agent replay-bench: sampling the buffer", live => Measure(settings, threads, concurrent, reference, asJson ? TextWriter.Null : live));
        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                capacity = settings.Capacity,
                steps = settings.Steps,
                batch = settings.Batch,
                stack = settings.Stack,
                nstep = settings.NStep,
                size = settings.Size,
                results = results.Select(r => new { name = r.Name, batches_per_s = r.BatchesPerSecond, transitions_per_s = r.TransitionsPerSecond, peak_rss_mb = r.ResidentMegabytes, batches = r.Batches, seconds = r.Seconds }),
                speedup_vs_reference = python is null ? null : results.Where(r => r != python).Select(r => new { name = r.Name, ratio = r.BatchesPerSecond / python.BatchesPerSecond }),
                reference_skipped = skipped,
            }));
            return 0;
        }

        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Name,-50} {r.BatchesPerSecond,9:F1} batches/s  {r.TransitionsPerSecond,11:F0} transitions/s  peak RSS {r.ResidentMegabytes,6:F0} MB");
        }

        if (python is not null)
        {
            foreach (var r in results.Where(r => r != python))
            {
                Console.WriteLine($"  {r.Name} / reference: {r.BatchesPerSecond / python.BatchesPerSecond:F1}x the reference's batches/s");
            }
        }
        else if (skipped is not null)
        {
            Console.WriteLine($"  reference skipped: {skipped}");
        }

        return 0;
    }

    /// <exception cref="InvalidConfigException">A flag out of range, named.</exception>
    private static void Validate(ReplayBenchSettings settings, int threads)
    {
        FlagBounds.Count(settings.Stack, "--stack", 16, "frames per observation");
        FlagBounds.Count(settings.NStep, "--nstep", 100, "steps of the n-step return");
        FlagBounds.Count(settings.Size, "--size", 512, "frame side in pixels");
        FlagBounds.Count(settings.Batch, "--batch", 65_536, "transitions per batch");
        FlagBounds.Count(settings.Capacity, "--capacity", 100_000_000, "steps in the buffer");
        FlagBounds.Threads(threads);
        if (settings.Steps > settings.Capacity || settings.Steps < 2 * settings.NStep)
        {
            throw new InvalidConfigException("command line", "--steps",
                $"must be 2 x --nstep ({2 * settings.NStep}) to --capacity ({settings.Capacity}), got {settings.Steps}");
        }

        if (!(settings.Seconds > 0 && settings.Seconds <= 3600))
        {
            throw new InvalidConfigException("command line", "--seconds", $"must be more than 0 and at most 3600, got {settings.Seconds}");
        }
    }
}
