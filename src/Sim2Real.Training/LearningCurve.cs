namespace Sim2Real.Training;

/// <summary>One run on a learning-curve chart: its name in the legend and its evaluations.</summary>
public sealed record LearningCurve(string Label, IReadOnlyList<EvalResult> Evaluations);
