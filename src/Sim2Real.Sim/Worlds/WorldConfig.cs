using Sim2Real.Core;
using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Worlds;

/// <summary>
/// One named world of robot.yaml's <c>worlds:</c> section: what is sampled per episode (nothing, the robot's
/// training ranges, or ranges of its own) and what is changed by a fixed amount on top. Public for YamlDotNet.
/// </summary>
public sealed class WorldConfig
{
    /// <summary>What the world stands for, for logs and <c>--help</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>Sample the robot's training ranges (robot.yaml <c>randomization:</c>) per episode.</summary>
    public bool Randomize { get; init; }

    /// <summary>
    /// Ranges of the world's own, sampled per episode instead of the training ones (e.g. wider test ranges). Their
    /// bodies must be the training bodies, or left out to inherit them, so the privileged factors keep their layout.
    /// </summary>
    public RandomizationConfig? Ranges { get; init; }

    /// <summary>Fixed changes applied after sampling.</summary>
    public WorldPerturbation? Perturbation { get; init; }

    internal void Validate(string source, string field, RandomizationConfig training, int joints, double controlPeriodS)
    {
        if (Randomize && Ranges is not null)
        {
            throw new InvalidConfigException(source, $"{field}.ranges", "give either randomize: true (the training ranges) or ranges of the world's own, not both");
        }

        if (Ranges is { } ranges)
        {
            ranges.Validate(source, $"{field}.ranges.");
            if (ranges.Physics.Bodies.Count > 0 && !ranges.Physics.Bodies.SequenceEqual(training.Physics.Bodies, StringComparer.Ordinal))
            {
                throw new InvalidConfigException(source, $"{field}.ranges.physics.bodies",
                    $"must be the training bodies [{string.Join(", ", training.Physics.Bodies)}] or left out, so the privileged factors keep their layout");
            }
        }

        Perturbation?.Validate(source, $"{field}.perturbation", joints, controlPeriodS);
    }
}
