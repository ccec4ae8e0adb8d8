namespace Sim2Real.Training.Rma;

/// <summary>Where a phase-2 run stands: policy ticks and episodes done, the next evaluation, time spent.</summary>
internal sealed record AdaptationCounters
{
    public long Tick { get; init; }

    public long Episode { get; init; }

    public long NextEvalFrame { get; init; }

    public long Updates { get; init; }

    public double CpuSeconds { get; init; }

    public double WallSeconds { get; init; }
}
