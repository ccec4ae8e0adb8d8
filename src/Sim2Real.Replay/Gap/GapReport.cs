using System.Globalization;
using System.Text;
using System.Text.Json;
using Sim2Real.Core;

namespace Sim2Real.Replay.Gap;

/// <summary>
/// Writes the sim-vs-real gap report of one or more logs into a new directory: report.md (the figures side by side,
/// one column per log), gap.json (the same numbers for programs) and the PNG plots. Everything is written into a
/// temporary sibling directory and renamed into place, so a failed report leaves nothing behind and an existing
/// report is never overwritten.
/// </summary>
public static class GapReport
{
    public const string Markdown = "report.md";
    public const string Json = "gap.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <returns>The files written, relative to <paramref name="directory"/>.</returns>
    /// <exception cref="InvalidConfigException"><paramref name="directory"/> exists and is not empty, or the logs are of different robots.</exception>
    public static IReadOnlyList<string> Write(IReadOnlyList<GapFigures> logs, string directory)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (logs.Count == 0)
        {
            throw new ArgumentException("a gap report needs at least one log", nameof(logs));
        }

        var joints = logs[0].Joints;
        if (logs.FirstOrDefault(l => !l.Joints.SequenceEqual(joints)) is { } other)
        {
            throw new InvalidConfigException(other.Log, "joints", $"joints {string.Join(", ", other.Joints)} differ from {logs[0].Log}'s ({string.Join(", ", joints)}): a report compares logs of one robot");
        }

        var full = Path.GetFullPath(directory);
        if (File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()))
        {
            throw new InvalidConfigException(directory, "--out", "exists and is not empty; choose a new directory (nothing was overwritten)");
        }

        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
        Directory.CreateDirectory(temporary);
        try
        {
            var files = new List<string>(GapPlots.Write(logs, temporary));
            File.WriteAllText(Path.Combine(temporary, Markdown), Text(logs, files));
            File.WriteAllText(Path.Combine(temporary, Json), JsonSerializer.Serialize(logs.Select(ToJson), JsonOptions));
            files.Insert(0, Json);
            files.Insert(0, Markdown);
            if (Directory.Exists(full))
            {
                Directory.Delete(full);
            }

            Directory.Move(temporary, full);
            return files;
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    /// <summary>The side-by-side table: one row per figure, one column per log.</summary>
    public static string Text(IReadOnlyList<GapFigures> logs, IReadOnlyList<string> plots)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(plots);
        var s = new StringBuilder();
        s.AppendLine("# Sim-vs-real gap report");
        s.AppendLine();
        s.AppendLine("Each log's commands applied open-loop in the nominal simulator from the log's initial state (`replay sim`); ");
        s.AppendLine("the figures compare the logged joints with the simulated ones. Latency is estimated from the log alone, by");
        s.AppendLine("cross-correlating the changes of the commanded and the measured joint positions.");
        s.AppendLine();
        s.AppendLine($"| figure | {string.Join(" | ", logs.Select(l => l.Label))} |");
        s.AppendLine($"|---|{string.Concat(logs.Select(_ => "---:|"))}");
        Row("samples", l => l.Samples.ToString(CultureInfo.InvariantCulture));
        Row("duration (s)", l => F(l.DurationS, "0.00"));
        Row("position RMSE, all joints (rad)", l => E(l.PositionRmseAll));
        Row("velocity RMSE, all joints (rad/s)", l => E(l.VelocityRmseAll));
        Row("max position error (rad)", l => E(l.MaxPositionError));
        Row("divergence growth (rad/s)", l => E(l.GrowthRadPerS));
        Row("latency, median over joints, log (ms)", l => F(l.LoggedLatencyMedianS * 1000, "0.0"));
        Row("latency, median over joints, nominal sim (ms)", l => F(l.SimulatedLatencyMedianS * 1000, "0.0"));
        for (var j = 0; j < logs[0].Joints.Count; j++)
        {
            var joint = j;
            Row($"{logs[0].Joints[j]}: position RMSE (rad)", l => E(l.PositionRmse[joint]));
            Row($"{logs[0].Joints[j]}: velocity RMSE (rad/s)", l => E(l.VelocityRmse[joint]));
            Row($"{logs[0].Joints[j]}: latency log / sim (ms)", l => $"{F(l.LoggedLatencyS[joint] * 1000, "0.0")} / {F(l.SimulatedLatencyS[joint] * 1000, "0.0")}");
        }

        s.AppendLine();
        s.AppendLine("Logs:");
        foreach (var log in logs)
        {
            s.AppendLine($"- {log.Label}: `{log.Log}`");
        }

        s.AppendLine();
        foreach (var plot in plots)
        {
            s.AppendLine($"![{Path.GetFileNameWithoutExtension(plot)}]({plot})");
        }

        return s.ToString();

        void Row(string name, Func<GapFigures, string> value) => s.AppendLine($"| {name} | {string.Join(" | ", logs.Select(value))} |");
    }

    private static string E(double value) => double.IsFinite(value) ? value.ToString("0.###e+0", CultureInfo.InvariantCulture) : "-";

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static object ToJson(GapFigures l) => new
    {
        label = l.Label,
        log = l.Log,
        joints = l.Joints,
        samples = l.Samples,
        duration_s = l.DurationS,
        position_rmse_rad = l.PositionRmse,
        velocity_rmse_rad_s = l.VelocityRmse,
        position_rmse_all_rad = l.PositionRmseAll,
        velocity_rmse_all_rad_s = l.VelocityRmseAll,
        max_position_error_rad = l.MaxPositionError,
        divergence_growth_rad_per_s = l.GrowthRadPerS,
        window_times_s = l.WindowTimes,
        window_position_rmse_rad = l.WindowPositionRmse,
        latency_log_s = l.LoggedLatencyS,
        latency_sim_s = l.SimulatedLatencyS,
        latency_log_median_s = l.LoggedLatencyMedianS,
        latency_sim_median_s = l.SimulatedLatencyMedianS,
    };
}
