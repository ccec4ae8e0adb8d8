using Sim2Real.Robotics.Configuration;

namespace Sim2Real.Sim.Randomization;

/// <summary>
/// Domain-randomization ranges: the <c>randomization:</c> section of a robot.yaml, or a file of its own with the
/// same two sections to override a robot's defaults.
/// </summary>
public sealed class RandomizationConfig
{
    public PhysicsRandomizationConfig Physics { get; init; } = new();

    public VisualRandomizationConfig Visual { get; init; } = new();

    /// <summary>Loads and validates a standalone randomization file.</summary>
    /// <exception cref="Sim2Real.Core.InvalidConfigException">Names the file and the offending field.</exception>
    public static RandomizationConfig Load(string path)
    {
        var config = YamlConfigReader.ReadFile<RandomizationConfig>(path);
        config.Validate(path, "");
        return config;
    }

    internal void Validate(string source, string prefix)
    {
        Physics.Validate(source, prefix + "physics");
        Visual.Validate(source, prefix + "visual");
    }
}
