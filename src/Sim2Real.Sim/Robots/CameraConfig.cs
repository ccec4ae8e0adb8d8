using Sim2Real.Core;

namespace Sim2Real.Sim.Robots;

/// <summary>A named MJCF camera offered to pixel observations and the CLI.</summary>
public sealed class CameraConfig
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    internal void Validate(string source, string field)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidConfigException(source, $"{field}.name", "a camera needs a name");
        }
    }
}
