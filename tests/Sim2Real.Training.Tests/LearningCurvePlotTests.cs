namespace Sim2Real.Training.Tests;

public sealed class LearningCurvePlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-plot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Header = "frame,step,mean_return,success_rate,episodes,cpu_s,wall_s";

    [Fact]
    public void Redraw_reads_every_evaluation_of_eval_csv_and_writes_the_png()
    {
        File.WriteAllLines(Path.Combine(_dir, "eval.csv"), [Header, "100,50,-20,0,20,0.5,0.6", "10000,5000,12.5,0.25,20,61,70"]);

        var evals = LearningCurvePlot.Redraw(_dir);

        Assert.Equal([new EvalResult(100, -20, 0, 20, 0.5), new EvalResult(10_000, 12.5, 0.25, 20, 61)], evals);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(_dir, LearningCurvePlot.FileName))[..4]);
    }

    [Fact]
    public void Redraw_of_a_malformed_row_names_the_file_and_line()
    {
        File.WriteAllLines(Path.Combine(_dir, "eval.csv"), [Header, "100,50,-20,0,20,0.5,0.6", "10000,5000,oops"]);

        var e = Assert.Throws<InvalidDataException>(() => LearningCurvePlot.Redraw(_dir));

        Assert.Contains("eval.csv:3", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, LearningCurvePlot.FileName)));
    }

    [Fact]
    public void Redraw_without_evaluations_names_the_missing_file() =>
        Assert.Contains("eval.csv", Assert.Throws<FileNotFoundException>(() => LearningCurvePlot.Redraw(_dir)).Message, StringComparison.Ordinal);

    private static readonly EvalResult[] Evals =
    [
        new(100, -20, 0, 20, 0.6),
        new(10_000, 5, 0.1, 20, 60.6),
        new(20_000, 50, 0.5, 20, 180.6),
        new(30_000, 80, 0.9, 20, double.NaN),
    ];

    [Theory]
    [InlineData(100, 0.01)]
    [InlineData(10_000, 1.01)]
    [InlineData(15_000, 2.01)]
    public void Cpu_minutes_are_read_at_evaluations_and_interpolated_between_them(double frame, double minutes) =>
        Assert.Equal(minutes, LearningCurvePlot.CpuMinutesAt(Evals, frame)!.Value, 6);

    [Theory]
    [InlineData(0)]
    [InlineData(25_000)]
    [InlineData(40_000)]
    public void Frames_outside_the_timed_evaluations_have_no_cpu_label(double frame) =>
        Assert.Null(LearningCurvePlot.CpuMinutesAt(Evals, frame));
}
