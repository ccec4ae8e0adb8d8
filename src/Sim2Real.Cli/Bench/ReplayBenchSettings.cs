namespace Sim2Real.Cli.Bench;

/// <summary>What `replay bench` measures: DrQ-v2's pixel replay at the given size.</summary>
internal sealed record ReplayBenchSettings(
    int Capacity,
    int Steps,
    int Batch,
    int Stack,
    int NStep,
    int Size,
    int ActionDim,
    int EpisodeLength,
    double Seconds,
    int Threads,
    bool WithProducer);
