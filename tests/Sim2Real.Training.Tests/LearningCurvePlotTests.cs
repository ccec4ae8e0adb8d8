namespace Sim2Real.Training.Tests;

public sealed class LearningCurvePlotTests
{
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
