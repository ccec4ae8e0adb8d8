namespace Sim2Real.Learning.Replay.Benchmarks;

/// <summary>Sampling throughput of one implementation and the peak resident memory of its process.</summary>
public sealed record ReplayBenchResult(string Name, long Batches, double Seconds, int BatchSize, long ResidentBytes)
{
    public double BatchesPerSecond => Batches / Seconds;

    public double TransitionsPerSecond => Batches * (double)BatchSize / Seconds;

    public double ResidentMegabytes => ResidentBytes / (1024.0 * 1024.0);
}
