using Sim2Real.Core;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// Procedural height field: MuJoCo 2.2.2 MJCF cannot carry elevation data inline, so scenes declare an empty
/// hfield and it is filled from this seed at load time.
/// </summary>
public sealed class TerrainConfig
{
    /// <summary>Name of the MJCF hfield asset to fill; scenes without it are left alone.</summary>
    public string Hfield { get; init; } = "terrain";

    public int Seed { get; init; }

    /// <summary>Highest bump; must not exceed the hfield's size[2], which scales the normalized data.</summary>
    public double BumpHeightM { get; init; } = 0.05;

    /// <summary>Level ground within this radius of the origin, so the robot spawns standing.</summary>
    public double FlatRadiusM { get; init; } = 0.6;

    internal void Validate(string source)
    {
        ConfigChecks.Positive(source, "terrain.bump_height_m", BumpHeightM);
        ConfigChecks.NonNegative(source, "terrain.flat_radius_m", FlatRadiusM);
        if (string.IsNullOrWhiteSpace(Hfield))
        {
            throw new InvalidConfigException(source, "terrain.hfield", "names the hfield asset to fill and must not be empty");
        }
    }
}
