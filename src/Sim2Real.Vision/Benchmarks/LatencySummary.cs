using System.Globalization;

namespace Sim2Real.Vision.Benchmarks;

/// <summary>p50, p99 and mean of a set of timings, in the unit they were taken in.</summary>
public sealed record LatencySummary(double P50, double P99, double Mean, int Count)
{
    public static LatencySummary From(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        return new LatencySummary(Percentile(sorted, 50), Percentile(sorted, 99), sorted.Average(), sorted.Length);
    }

    public string Format(string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50,8:0.0} {unit}, p99 {P99,8:0.0} {unit}");

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
