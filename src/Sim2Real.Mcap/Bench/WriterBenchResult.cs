namespace Sim2Real.Mcap.Bench;

/// <summary>
/// One stream written with one compression: messages, CDR payload and file bytes, wall and CPU seconds, and the log
/// time it covers, so the writer's speed reads as a multiple of real time.
/// </summary>
public sealed record WriterBenchResult(
    string Stream,
    string Compression,
    string File,
    int Messages,
    long PayloadBytes,
    long FileBytes,
    double WallSeconds,
    double CpuSeconds,
    double LogSeconds)
{
    public double PayloadMBPerSecond => PayloadBytes / 1e6 / WallSeconds;

    public double MessagesPerSecond => Messages / WallSeconds;

    /// <summary>Log seconds written per wall second: above 1, a live recorder keeps up.</summary>
    public double RealTimeFactor => LogSeconds / WallSeconds;

    public double PayloadMBPerCpuSecond => PayloadBytes / 1e6 / CpuSeconds;

    /// <summary>Log seconds written per CPU second: on a loaded machine wall time measures the neighbours too.</summary>
    public double RealTimeFactorPerCpu => LogSeconds / CpuSeconds;
}
