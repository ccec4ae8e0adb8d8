using Sim2Real.Core;

namespace Sim2Real.Training.Rma;

/// <summary>RMA's evaluation table (issue 19 item 5): the four policies on three worlds, from two policy files.</summary>
public sealed record RmaEvalOptions
{
    /// <summary>The RMA policy file (π, μ, φ, mean z) that phase 2 writes.</summary>
    public required string RmaPolicy { get; init; }

    /// <summary>The DR-only baseline: plain DrQ-v2 trained on the same task and ranges without e_t.</summary>
    public required string BaselinePolicy { get; init; }

    public int Episodes { get; init; } = 200;

    public int Seed { get; init; } = 1;

    /// <summary>Where rma_eval.csv, rma_eval.md and the ẑ tracking plot go.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>The test world's payload range (wider than training's 0-2 kg, as the paper widens its test ranges).</summary>
    public Interval TestPayloadKg { get; init; } = new(0, 2.4);

    /// <summary>Mid-episode re-sampling of the payload in the test world, per control step (the paper's 0.01).</summary>
    public double TestResampleProbability { get; init; } = 0.01;

    /// <summary>Episodes with a scripted payload jump for the ẑ settling time (and the tracking plot).</summary>
    public int JumpEpisodes { get; init; } = 10;

    public RmaEvalOptions Validate(string source = "eval rma")
    {
        if (Episodes < 1)
        {
            throw new InvalidConfigException(source, "--episodes", $"must be positive, got {Episodes}");
        }

        if (Seed is < 0 or > TrainOptions.MaxSeed)
        {
            throw new InvalidConfigException(source, "--seed", $"must be in [0, {TrainOptions.MaxSeed}], got {Seed}");
        }

        if (JumpEpisodes < 1)
        {
            throw new InvalidConfigException(source, "jump_episodes", $"must be positive, got {JumpEpisodes}");
        }

        TestPayloadKg.Validate(source, "test_payload_kg", 0, 20);
        return this;
    }
}
