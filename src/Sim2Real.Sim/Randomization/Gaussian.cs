namespace Sim2Real.Sim.Randomization;

/// <summary>Standard normal samples from a seeded <see cref="Random"/>: observation noise everywhere draws through here.</summary>
public static class Gaussian
{
    public static double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        // Box-Muller; 1 - u keeps the log argument in (0, 1].
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
