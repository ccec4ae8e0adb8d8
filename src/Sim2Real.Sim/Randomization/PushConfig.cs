using Sim2Real.Core;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Randomization;

/// <summary>Random external shoves: a horizontal force on one body for a few control steps.</summary>
public sealed class PushConfig
{
    public string Body { get; init; } = "";

    /// <summary>Chance that a push starts on any control step without one under way; 0 turns pushes off.</summary>
    public double ProbabilityPerStep { get; init; }

    public Interval ForceN { get; init; } = new(0, 0);

    public int DurationSteps { get; init; } = 5;

    internal void Validate(string source, string field)
    {
        if (!double.IsFinite(ProbabilityPerStep) || ProbabilityPerStep is < 0 or > 1)
        {
            throw new InvalidConfigException(source, $"{field}.probability_per_step", $"must be a probability in [0, 1], got {ProbabilityPerStep}");
        }

        ForceN.Validate(source, $"{field}.force_n", 0, 10_000);
        if (DurationSteps < 1)
        {
            throw new InvalidConfigException(source, $"{field}.duration_steps", $"must be at least 1, got {DurationSteps}");
        }

        if (ProbabilityPerStep > 0 && string.IsNullOrWhiteSpace(Body))
        {
            throw new InvalidConfigException(source, $"{field}.body", "pushes are on, so a body to push must be named");
        }

        ConfigChecks.NonNegative(source, $"{field}.force_n", ForceN.Min);
    }
}
