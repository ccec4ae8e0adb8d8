using Sim2Real.Core;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// A YAML key with nothing under it ("physics:") is an explicit null, which replaces the section's defaults: refuse it
/// by name rather than fail later on the missing object.
/// </summary>
internal static class ConfigSections
{
    public const string EmptyProblem = "the section is empty; remove it (its defaults then apply) or give its fields";

    /// <exception cref="InvalidConfigException">The section was given empty.</exception>
    public static void Require(string source, string field, object? section)
    {
        if (section is null)
        {
            throw new InvalidConfigException(source, field, EmptyProblem);
        }
    }
}
