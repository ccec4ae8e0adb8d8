namespace Sim2Real.SimRobot.Benchmarks;

/// <summary>p50 and p99 of a sample, nearest rank, as the other benchmarks of the project report them.</summary>
public sealed record Percentiles(double P50, double P99, int Count)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, 0);
        }

        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.99), sorted.Length);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
