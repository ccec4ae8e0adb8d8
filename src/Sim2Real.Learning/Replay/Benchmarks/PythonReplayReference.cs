using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Sim2Real.Learning.Replay.Benchmarks;

/// <summary>Runs bench/replay_reference.py (the reference's episodic numpy sampler) under /usr/bin/python3.</summary>
public static class PythonReplayReference
{
    public const string ScriptPath = "bench/replay_reference.py";

    public static string? FindScript()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ScriptPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static ReplayBenchResult Run(string script, ReplayBenchSettings settings)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        void Arg(string name, object value)
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }

        Arg("--steps", settings.Steps);
        Arg("--batch", settings.Batch);
        Arg("--stack", settings.Stack);
        Arg("--nstep", settings.NStep);
        Arg("--size", settings.Size);
        Arg("--action-dim", settings.ActionDim);
        Arg("--episode-length", settings.EpisodeLength);
        Arg("--seconds", settings.Seconds);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited {process.ExitCode}: {stderr.Result.Trim()}");
        }

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        return new ReplayBenchResult("python3 numpy, torch DataLoader (reference style)", root.GetProperty("batches").GetInt64(), root.GetProperty("seconds").GetDouble(), settings.Batch,
            root.GetProperty("max_rss_kb").GetInt64() * 1024);
    }
}
