using SkiaSharp;
using Sim2Real.Training.Rma;

namespace Sim2Real.Training.Tests;

public sealed class LearningCurvePlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-plot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Header = "frame,step,mean_return,success_rate,episodes,cpu_s,wall_s";

    private string Run(string name, params string[] rows)
    {
        var run = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        File.WriteAllLines(Path.Combine(run, "eval.csv"), [Header, .. rows]);
        return run;
    }

    /// <summary>The PNG decoded: its size, and how many pixels have each colour.</summary>
    private static (int Width, int Height, Dictionary<SKColor, int> Colours) Read(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        var colours = bitmap.Pixels.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        return (bitmap.Width, bitmap.Height, colours);
    }

    private static SKColor Palette(int i)
    {
        using var plot = new ScottPlot.Plot();
        var c = plot.Add.Palette.GetColor(i);
        return new SKColor(c.R, c.G, c.B, c.A);
    }

    [Fact]
    public void Redraw_reads_every_evaluation_of_eval_csv_and_draws_a_chart_that_is_not_blank()
    {
        var run = Run("seed1", "100,50,-20,0,20,0.5,0.6", "10000,5000,12.5,0.25,20,61,70");

        var evals = LearningCurvePlot.Redraw(run);

        Assert.Equal([new EvalResult(100, -20, 0, 20, 0.5), new EvalResult(10_000, 12.5, 0.25, 20, 61)], evals);
        var (width, height, colours) = Read(Path.Combine(run, LearningCurvePlot.FileName));
        Assert.Equal((900, 540), (width, height));
        Assert.True(colours.Count > 20, $"only {colours.Count} colours: the chart looks blank");
        Assert.True(colours.GetValueOrDefault(Palette(0)) > 100, "the run's curve is not drawn in its colour");
    }

    [Fact]
    public void Several_runs_go_on_one_chart_each_in_its_own_colour_named_by_its_folder()
    {
        var a = Run("seed1", "1000,500,-20,0,20,10,11", "2000,1000,5,0.5,20,20,22");
        var b = Run("seed2", "1000,500,-10,0.1,20,10,11", "2000,1000,30,0.9,20,20,22", "3000,1500,40,1,20,30,33");
        var png = Path.Combine(_dir, "seeds.png");

        var runs = LearningCurvePlot.Redraw([a, b], png);

        Assert.Equal(["seed1", "seed2"], runs.Select(r => r.Label));
        Assert.Equal([2, 3], runs.Select(r => r.Evaluations.Count));
        var (_, _, colours) = Read(png);
        Assert.True(colours.GetValueOrDefault(Palette(0)) > 100, "the first run is not drawn in the first colour");
        Assert.True(colours.GetValueOrDefault(Palette(1)) > 100, "the second run is not drawn in a colour of its own");
        var lone = Path.Combine(_dir, "alone.png");
        LearningCurvePlot.Redraw([a], lone);
        var (_, _, alone) = Read(lone);
        Assert.Equal(0, alone.GetValueOrDefault(Palette(1)));
    }

    [Fact]
    public void An_eval_csv_with_only_its_header_is_refused_naming_the_file_and_draws_nothing()
    {
        var run = Run("empty");

        var e = Assert.Throws<InvalidDataException>(() => LearningCurvePlot.Redraw(run));

        Assert.Contains(Path.Combine(run, "eval.csv"), e.Message, StringComparison.Ordinal);
        Assert.Contains("no evaluations", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, LearningCurvePlot.FileName)));
    }

    [Fact]
    public void Redraw_of_a_malformed_row_names_the_file_and_line()
    {
        var run = Run("bad", "100,50,-20,0,20,0.5,0.6", "10000,5000,oops");

        var e = Assert.Throws<InvalidDataException>(() => LearningCurvePlot.Redraw(run));

        Assert.Contains("eval.csv:3", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, LearningCurvePlot.FileName)));
    }

    [Fact]
    public void Redraw_without_evaluations_names_the_missing_file() =>
        Assert.Contains("eval.csv", Assert.Throws<FileNotFoundException>(() => LearningCurvePlot.Redraw(_dir)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_tracking_plot_draws_both_errors_and_the_payload()
    {
        var png = Path.Combine(_dir, "zhat_tracking.png");
        RmaTrackingPoint[] trace = [.. Enumerable.Range(0, 200).Select(i => new RmaTrackingPoint(i * 0.02, i < 100 ? 0.2 : 1.0, i < 100 ? 0.05 : 0.3 * Math.Exp(-(i - 100) / 10.0), 0.4))];

        LearningCurvePlot.WriteTracking(png, trace);

        var (width, height, colours) = Read(png);
        Assert.Equal((900, 540), (width, height));
        Assert.True(colours.GetValueOrDefault(Palette(0)) > 50 && colours.GetValueOrDefault(Palette(1)) > 50, "an error curve is missing");
    }
}
