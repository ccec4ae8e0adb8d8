namespace Sim2Real.Sim.Worlds;

/// <summary>
/// The worlds every robot has, and the held-out one each robot defines. On the command line a dash may stand for the
/// underscore (<c>--world real-like</c>); in robot.yaml and in code the name is <c>real_like</c>.
/// </summary>
public static class WorldNames
{
    /// <summary>The model as authored: no randomization, no perturbation, no observation noise.</summary>
    public const string Nominal = "nominal";

    /// <summary>The robot's training ranges (robot.yaml <c>randomization:</c>), sampled per episode.</summary>
    public const string Randomized = "randomized";

    /// <summary>The held-out world outside the training ranges that stands in for the physical robot (robot.yaml <c>worlds.real_like</c>).</summary>
    public const string RealLike = "real_like";

    /// <summary>Worlds that exist for every robot without a robot.yaml entry (and may not be redefined there).</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Nominal, Randomized];

    /// <summary>The name as robot.yaml spells it: lower case, dashes as underscores.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().Replace('-', '_').ToLowerInvariant();
    }
}
