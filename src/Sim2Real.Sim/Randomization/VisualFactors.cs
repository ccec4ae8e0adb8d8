namespace Sim2Real.Sim.Randomization;

/// <summary>What the visual randomizer chose for an episode, for step info and debugging.</summary>
public sealed record VisualFactors(int LightsOn, double MeanLightDiffuse, double MeanFovyDeltaDeg, double ImageNoiseStd)
{
    public static VisualFactors Nominal { get; } = new(-1, double.NaN, 0, 0);
}
