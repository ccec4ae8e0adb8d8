using System.Globalization;
using ScottPlot;
using Sim2Real.Files;

namespace Sim2Real.Training;

/// <summary>
/// Learning curves as PNGs, drawn with ScottPlot (headless): held-out success rate (left axis, %) and mean
/// held-out return (right axis, dashed) against environment frames, one colour per run, so several seeds or runs
/// compare on one chart; the legend gives each run's CPU minutes at its last evaluation (budgets are stated in CPU
/// time). Files are replaced atomically.
/// </summary>
public static class LearningCurvePlot
{
    private const int Width = 900;
    private const int Height = 540;

    /// <summary>File name of the plot inside a run directory.</summary>
    public const string FileName = "learning_curve.png";

    /// <summary>Redraws a run's plot from its eval.csv, into the run's folder; returns the evaluations drawn.</summary>
    /// <param name="totalFrames">The frame axis' end; null ends it at the last evaluation.</param>
    /// <exception cref="FileNotFoundException">The run has no eval.csv.</exception>
    /// <exception cref="InvalidDataException">eval.csv has no evaluations, or a malformed row (named by line).</exception>
    public static IReadOnlyList<EvalResult> Redraw(string runDirectory, long? totalFrames = null) =>
        Redraw([runDirectory], Path.Combine(runDirectory, FileName), totalFrames)[0].Evaluations;

    /// <summary>Draws the runs in <paramref name="runDirectories"/> (each with its eval.csv) on one chart at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">A run has no eval.csv.</exception>
    /// <exception cref="InvalidDataException">A run's eval.csv has no evaluations, or a malformed row (named by line).</exception>
    public static IReadOnlyList<LearningCurve> Redraw(IReadOnlyList<string> runDirectories, string path, long? totalFrames = null)
    {
        ArgumentNullException.ThrowIfNull(runDirectories);
        var runs = runDirectories.Select(Read).ToList();
        Write(path, runs, totalFrames);
        return runs;
    }

    /// <summary>One run's curve, as training draws it after each evaluation.</summary>
    public static void Write(string path, IReadOnlyList<EvalResult> evals, long totalFrames, string label = "") =>
        Write(path, [new LearningCurve(label, evals)], totalFrames);

    public static void Write(string path, IReadOnlyList<LearningCurve> runs, long? totalFrames)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var plot = new Plot();
        var returnAxis = plot.Axes.Right;
        for (var i = 0; i < runs.Count; i++)
        {
            var (label, evals) = runs[i];
            var color = plot.Add.Palette.GetColor(i);
            var frames = evals.Select(e => (double)e.Frame).ToArray();
            var name = label.Length > 0 ? label + ": " : "";
            var cpu = evals.Count > 0 && double.IsFinite(evals[^1].CpuSeconds)
                ? string.Create(CultureInfo.InvariantCulture, $" ({evals[^1].CpuSeconds / 60:F1} CPU min)")
                : "";

            var success = plot.Add.Scatter(frames, evals.Select(e => e.SuccessRate * 100).ToArray(), color);
            success.LegendText = $"{name}success{cpu}";
            success.LineWidth = 2;
            success.MarkerSize = 6;

            var finite = evals.Where(e => double.IsFinite(e.MeanReturn)).ToList();
            var mean = plot.Add.Scatter(finite.Select(e => (double)e.Frame).ToArray(), finite.Select(e => e.MeanReturn).ToArray(), color);
            mean.LegendText = $"{name}return";
            mean.LinePattern = LinePattern.Dashed;
            mean.MarkerShape = MarkerShape.OpenCircle;
            mean.MarkerSize = 5;
            mean.Axes.YAxis = returnAxis;
        }

        plot.Title(runs.Count > 1 ? $"Learning curves of {runs.Count} runs (held-out evaluation)" : "Learning curve (held-out evaluation)");
        plot.XLabel("environment frames");
        plot.YLabel("success rate (% of held-out episodes)");
        returnAxis.Label.Text = "mean return (reward per episode, dashed)";
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(-2, 102);
        var lastFrame = runs.SelectMany(r => r.Evaluations).Select(e => e.Frame).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsX(0, Math.Max(1, Math.Max(totalFrames ?? 0, lastFrame)) * 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path);
    }

    /// <summary>
    /// ẑ tracking a payload change (the RMA demo): the payload (dashed, right axis, kg) and the RMS error against
    /// z = μ(e_t) of ẑ with φ and of the mean z without it (left axis), against time in seconds.
    /// </summary>
    public static void WriteTracking(string path, IReadOnlyList<Rma.RmaTrackingPoint> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        using var plot = new Plot();
        var time = trace.Select(p => p.TimeS).ToArray();
        var with = plot.Add.Scatter(time, trace.Select(p => p.ErrorWithPhi).ToArray(), plot.Add.Palette.GetColor(0));
        with.LegendText = "ẑ error with φ (adaptation)";
        with.MarkerSize = 0;
        with.LineWidth = 2;
        var without = plot.Add.Scatter(time, trace.Select(p => p.ErrorWithoutPhi).ToArray(), plot.Add.Palette.GetColor(1));
        without.LegendText = "error of the mean z (no adaptation)";
        without.MarkerSize = 0;
        without.LineWidth = 2;
        var payload = plot.Add.Scatter(time, trace.Select(p => p.PayloadKg).ToArray(), Colors.Gray);
        payload.LegendText = "payload (kg, right axis)";
        payload.MarkerSize = 0;
        payload.LinePattern = LinePattern.Dashed;
        payload.Axes.YAxis = plot.Axes.Right;
        plot.Title("ẑ tracking a payload change");
        plot.XLabel("time (s)");
        plot.YLabel("RMS error against z = μ(e_t)");
        plot.Axes.Right.Label.Text = "payload (kg)";
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path);
    }

    private static LearningCurve Read(string runDirectory)
    {
        var csv = Path.Combine(runDirectory, EvalResult.CsvFileName);
        if (!File.Exists(csv))
        {
            throw new FileNotFoundException($"no evaluations to plot: {csv} does not exist", csv);
        }

        var evals = EvalResult.ReadCsv(csv);
        if (evals.Count == 0)
        {
            throw new InvalidDataException($"{csv}: no evaluations to plot (the file has no rows after its header)");
        }

        return new LearningCurve(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDirectory))), evals);
    }

    private static void Save(Plot plot, string path) => AtomicFile.WriteVia(path, temporary => plot.SavePng(temporary, Width, Height));
}
