namespace Sim2Real.Training.Rma;

/// <summary>One phase-2 evaluation on held-out episodes with ẑ driving π: success, return, and ẑ's RMS error against μ(e_t).</summary>
public readonly record struct AdaptationEval(long Frame, double MeanReturn, double SuccessRate, int Episodes, double ZRms, double CpuSeconds)
{
    /// <summary>eval.csv's columns, the DrQ-v2 ones first so that <c>train plot</c> draws it too, then z_rms.</summary>
    public const string CsvHeader = EvalResult.CsvHeader + ",z_rms";

    public EvalResult AsEvalResult() => new(Frame, MeanReturn, SuccessRate, Episodes, CpuSeconds);
}
