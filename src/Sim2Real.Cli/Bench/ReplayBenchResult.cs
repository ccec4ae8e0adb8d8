namespace Sim2Real.Cli.Bench;

/// <summary>Sampling throughput of one implementation.</summary>
internal sealed record ReplayBenchResult(string Name, long Batches, double Seconds, int BatchSize)
{
    public double BatchesPerSecond => Batches / Seconds;

    public double TransitionsPerSecond => Batches * (double)BatchSize / Seconds;
}
