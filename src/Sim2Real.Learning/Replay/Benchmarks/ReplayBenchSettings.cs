namespace Sim2Real.Learning.Replay.Benchmarks;

/// <summary>What `agent replay-bench` measures: DrQ-v2's pixel replay at the given size.</summary>
public sealed record ReplayBenchSettings(
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
