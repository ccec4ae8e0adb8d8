using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;

namespace Sim2Real.Training;

/// <summary>One training run: environment, budget, agent hyperparameters, cadence of evaluation and checkpoints.</summary>
public sealed record TrainOptions
{
    public string Robot { get; init; } = "arm6";

    public string Task { get; init; } = "reach";

    public ObservationKind Observation { get; init; } = ObservationKind.State;

    /// <summary>Environment frames (agent steps x action repeat) to train for.</summary>
    public long Frames { get; init; } = 100_000;

    public int Seed { get; init; } = 1;

    /// <summary>"cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    public int Threads { get; init; } = 1;

    /// <summary>Control steps per agent step (the reference's action_repeat).</summary>
    public int ActionRepeat { get; init; } = 2;

    /// <summary>Physics (and visual) domain randomization, sampled per episode.</summary>
    public bool Randomize { get; init; } = true;

    /// <summary>Frames of uniform random actions before updates start (the reference's num_seed_frames).</summary>
    public long SeedFrames { get; init; } = 4000;

    public long EvalEveryFrames { get; init; } = 10_000;

    public int EvalEpisodes { get; init; } = 10;

    /// <summary>Film the first held-out evaluation episode at every evaluation (eval_video/).</summary>
    public bool EvalVideo { get; init; } = true;

    public int ReplayCapacity { get; init; } = 1_000_000;

    /// <summary>Where metrics, curve, checkpoints and replay go.</summary>
    public string RunDirectory { get; init; } = "runs/train";

    public DrQV2Config Agent { get; init; } = new();

    /// <summary>Evaluation episodes use seeds from here on; training episodes never reach them.</summary>
    public const int HeldOutSeedBase = 1_000_000_000;

    /// <exception cref="InvalidConfigException">Names the offending option.</exception>
    public TrainOptions Validate(string source = "train options")
    {
        if (Frames < 1)
        {
            throw new InvalidConfigException(source, "frames", $"must be positive, got {Frames}");
        }

        if (ActionRepeat < 1)
        {
            throw new InvalidConfigException(source, "action_repeat", $"must be positive, got {ActionRepeat}");
        }

        if (EvalEveryFrames < 1 || EvalEpisodes < 1)
        {
            throw new InvalidConfigException(source, "eval", $"eval_every_frames and eval_episodes must be positive, got {EvalEveryFrames} and {EvalEpisodes}");
        }

        if (Seed < 0 || Seed >= HeldOutSeedBase / 1_000_000)
        {
            throw new InvalidConfigException(source, "seed", $"must be in [0, {HeldOutSeedBase / 1_000_000}), got {Seed}");
        }

        if (Threads < 1)
        {
            throw new InvalidConfigException(source, "threads", $"must be positive, got {Threads}");
        }

        Agent.Validate(source);
        return this;
    }
}
