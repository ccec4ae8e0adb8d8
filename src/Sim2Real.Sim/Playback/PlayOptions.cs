using Sim2Real.Core;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Playback;

/// <summary>How <see cref="EpisodePlayer"/> drives and films episodes.</summary>
public sealed record PlayOptions
{
    public int Episodes { get; init; } = 1;

    public PlayPolicy Policy { get; init; } = PlayPolicy.Random;

    public int Seed { get; init; }

    /// <summary>Camera to film; null picks the robot's first listed camera.</summary>
    public string? Camera { get; init; }

    public int Width { get; init; } = 320;

    public int Height { get; init; } = 240;

    /// <summary>High (MSAA, shadows) for videos people watch; Fast when only the frames' content matters.</summary>
    public RenderQuality Quality { get; init; } = RenderQuality.High;

    public void Validate()
    {
        const string source = "play options";
        if (Episodes is < 1 or > 10_000)
        {
            throw new InvalidConfigException(source, "episodes", $"must be 1..10000, got {Episodes}");
        }

        if (Width is < 16 or > 4096 || Height is < 16 or > 4096)
        {
            throw new InvalidConfigException(source, "size", $"frames must be 16..4096 pixels a side, got {Width}x{Height}");
        }
    }
}
