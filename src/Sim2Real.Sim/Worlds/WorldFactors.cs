using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Worlds;

/// <summary>A world's fixed physical changes applied to an episode's sampled (or nominal) factors.</summary>
internal static class WorldFactors
{
    public static EnvironmentFactors Apply(EnvironmentFactors factors, WorldPerturbation perturbation, double controlPeriodS)
    {
        var p = perturbation;
        var mass = p.MassScale ?? 1;
        var strength = p.MotorStrengthScale ?? 1;
        return new EnvironmentFactors(
            factors.Bodies,
            factors.Actuators,
            factors.FrictionScale * (p.FrictionScale ?? 1),
            [.. factors.MassScales.Select(m => m * mass)],
            [.. factors.ComOffsetsM],
            factors.JointDampingScale * (p.JointDampingScale ?? 1),
            [.. factors.MotorStrengths.Select(s => s * strength)],
            factors.KpScale * (p.KpScale ?? 1),
            factors.KdScale * (p.KdScale ?? 1),
            factors.LatencySteps + p.ExtraLatencySteps(controlPeriodS));
    }
}
