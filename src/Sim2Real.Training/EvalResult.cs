namespace Sim2Real.Training;

/// <summary>Mean return and success rate over evaluation episodes on held-out seeds, and the run's CPU time spent by then.</summary>
public readonly record struct EvalResult(long Frame, double MeanReturn, double SuccessRate, int Episodes, double CpuSeconds = double.NaN);
