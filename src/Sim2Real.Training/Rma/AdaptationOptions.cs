using Sim2Real.Core;

namespace Sim2Real.Training.Rma;

/// <summary>RMA phase 2 (docs/rma.md section 4): φ trained on-policy against a finished phase-1 run. Defaults as the design note.</summary>
public sealed record AdaptationOptions
{
    /// <summary>The RMA phase-1 run (<c>train --rma</c>) whose π and μ are frozen here.</summary>
    public required string PhaseOneDirectory { get; init; }

    /// <summary>Where φ's metrics, checkpoints and the RMA policy file go; null: &lt;phase-1 run&gt;/adapt.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>Environment frames (policy ticks x action repeat) of on-policy rollouts.</summary>
    public long Frames { get; init; } = 100_000;

    /// <summary>Seed of the rollouts and of φ's initial weights; held-out evaluation uses EpisodeSeeds.HeldOut of it.</summary>
    public int Seed { get; init; } = 1;

    public int Threads { get; init; } = 1;

    public double LearningRate { get; init; } = 3e-4;

    public int BatchSize { get; init; } = 256;

    /// <summary>Policy ticks kept for training φ (a FIFO: DAgger's aggregate, bounded, near the current student).</summary>
    public int DataCapacity { get; init; } = 50_000;

    /// <summary>Ticks collected before φ's first update.</summary>
    public int WarmupTicks { get; init; } = 2000;

    public int UpdateEveryTicks { get; init; } = 4;

    /// <summary>Overrides phase 1's rma.history_length for φ (it must fit the convolutions).</summary>
    public int? HistoryLength { get; init; }

    public long EvalEveryFrames { get; init; } = 10_000;

    public int EvalEpisodes { get; init; } = 20;

    public string CommandLine { get; init; } = "";

    public string Directory => RunDirectory ?? Path.Combine(PhaseOneDirectory, "adapt");

    /// <exception cref="InvalidConfigException">Names the offending option.</exception>
    public AdaptationOptions Validate(string source = "adapt options")
    {
        if (Frames < 1)
        {
            throw new InvalidConfigException(source, "frames", $"must be positive, got {Frames}");
        }

        if (Seed is < 0 or > TrainOptions.MaxSeed)
        {
            throw new InvalidConfigException(source, "seed", $"must be in [0, {TrainOptions.MaxSeed}], got {Seed}");
        }

        if (!(LearningRate > 0) || BatchSize < 1 || UpdateEveryTicks < 1 || WarmupTicks < 0 || Threads < 1)
        {
            throw new InvalidConfigException(source, "lr/batch_size/update_every/warmup/threads", $"must be positive, got {LearningRate}, {BatchSize}, {UpdateEveryTicks}, {WarmupTicks}, {Threads}");
        }

        if (EvalEveryFrames < 1 || EvalEpisodes < 1)
        {
            throw new InvalidConfigException(source, "eval", $"eval_every_frames and eval_episodes must be positive, got {EvalEveryFrames} and {EvalEpisodes}");
        }

        return this;
    }
}
