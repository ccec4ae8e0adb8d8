using Sim2Real.Core;

namespace Sim2Real.Sim.Randomization;

/// <summary>Draws one episode's <see cref="EnvironmentFactors"/> uniformly from the configured ranges.</summary>
internal static class FactorSampler
{
    public static EnvironmentFactors Sample(PhysicsRandomizationConfig config, IReadOnlyList<string> actuators, Random random)
    {
        var bodies = config.Bodies;
        var friction = Uniform(random, config.FrictionScale);
        var masses = bodies.Select(_ => Uniform(random, config.MassScale)).ToArray();
        var coms = new double[3 * bodies.Count];
        for (var i = 0; i < coms.Length; i++)
        {
            coms[i] = Uniform(random, config.ComOffsetM);
        }

        var damping = Uniform(random, config.JointDampingScale);
        var strengths = actuators.Select(_ => Uniform(random, config.MotorStrengthScale)).ToArray();
        var kp = Uniform(random, config.KpScale);
        var kd = Uniform(random, config.KdScale);
        var latency = random.Next((int)config.LatencySteps.Min, (int)config.LatencySteps.Max + 1);
        return new EnvironmentFactors([.. bodies], actuators, friction, masses, coms, damping, strengths, kp, kd, latency);
    }

    public static double Uniform(Random random, Interval range) => range.Min + (range.Width * random.NextDouble());
}
