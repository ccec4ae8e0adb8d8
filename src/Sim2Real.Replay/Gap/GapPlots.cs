using ScottPlot;

namespace Sim2Real.Replay.Gap;

/// <summary>The gap report's PNG plots, one log per colour, drawn with ScottPlot (headless).</summary>
internal static class GapPlots
{
    public const string Divergence = "divergence.png";
    public const string JointRmse = "joint_rmse.png";
    public const string Latency = "latency.png";
    private const int Width = 900;
    private const int Height = 520;

    public static string Trajectory(int log) => $"trajectory_{log + 1}.png";

    public static IReadOnlyList<string> Write(IReadOnlyList<GapFigures> logs, string directory)
    {
        var written = new List<string> { DivergencePlot(logs, directory), JointRmsePlot(logs, directory), LatencyPlot(logs, directory) };
        for (var i = 0; i < logs.Count; i++)
        {
            written.Add(TrajectoryPlot(logs[i], i, directory));
        }

        return written;
    }

    private static string DivergencePlot(IReadOnlyList<GapFigures> logs, string directory)
    {
        using var plot = new Plot();
        foreach (var (log, i) in logs.Select((l, i) => (l, i)))
        {
            var line = plot.Add.Scatter(log.WindowTimes, log.WindowPositionRmse, plot.Add.Palette.GetColor(i));
            line.LegendText = log.Label;
        }

        plot.Title("Divergence over time: position RMSE (all joints) per window");
        plot.XLabel("time since the initial state (s)");
        plot.YLabel("position RMSE (rad)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, directory, Divergence);
    }

    private static string JointRmsePlot(IReadOnlyList<GapFigures> logs, string directory) =>
        Grouped(logs, directory, JointRmse, "Position RMSE per joint over the episode", "position RMSE (rad)", l => l.PositionRmse);

    private static string LatencyPlot(IReadOnlyList<GapFigures> logs, string directory) =>
        Grouped(logs, directory, Latency, "Command-to-motion latency per joint (cross-correlation)", "latency (ms)",
            l => [.. l.LoggedLatencyS.Select(s => double.IsFinite(s) ? s * 1000 : 0)]);

    private static string Grouped(IReadOnlyList<GapFigures> logs, string directory, string file, string title, string unit, Func<GapFigures, double[]> values)
    {
        using var plot = new Plot();
        var joints = logs[0].Joints;
        var width = 0.8 / logs.Count;
        foreach (var (log, i) in logs.Select((l, i) => (l, i)))
        {
            var v = values(log);
            var bars = plot.Add.Bars(
                [.. Enumerable.Range(0, v.Length).Select(j => j - 0.4 + (width * (i + 0.5)))], v);
            bars.Color = plot.Add.Palette.GetColor(i);
            bars.LegendText = log.Label;
            foreach (var bar in bars.Bars)
            {
                bar.Size = width;
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, joints.Count).Select(j => (double)j)], [.. joints]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(unit);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, directory, file);
    }

    private static string TrajectoryPlot(GapFigures log, int index, string directory)
    {
        using var plot = new Plot();
        var (joint, times, logged, simulated, commanded) = log.Trace;
        var c = plot.Add.Scatter(times, commanded, plot.Add.Palette.GetColor(2));
        c.LegendText = "commanded";
        c.MarkerSize = 0;
        var l = plot.Add.Scatter(times, logged, plot.Add.Palette.GetColor(0));
        l.LegendText = "logged";
        l.MarkerSize = 0;
        var s = plot.Add.Scatter(times, simulated, plot.Add.Palette.GetColor(1));
        s.LegendText = "nominal sim (open loop)";
        s.MarkerSize = 0;
        s.LinePattern = LinePattern.Dashed;
        plot.Title($"{log.Label}: joint {joint}");
        plot.XLabel("time since the initial state (s)");
        plot.YLabel("position (rad)");
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, directory, Trajectory(index));
    }

    private static string Save(Plot plot, string directory, string file)
    {
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        return file;
    }
}
