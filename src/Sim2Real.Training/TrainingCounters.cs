namespace Sim2Real.Training;

/// <summary>Where a run stands: the loop's counters, saved with every training checkpoint.</summary>
public sealed record TrainingCounters
{
    public long Step { get; init; }

    public long Episode { get; init; }

    public long NextEvalFrame { get; init; }

    /// <summary>CPU time the run had used when the checkpoint was written (process time, all threads).</summary>
    public double CpuSeconds { get; init; }

    public double WallSeconds { get; init; }
}
