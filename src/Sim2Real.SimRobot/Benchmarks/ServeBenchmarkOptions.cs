using Sim2Real.Core;

namespace Sim2Real.SimRobot.Benchmarks;

/// <summary>What <c>sim servebench</c> measures, each part against a served robot in a process of its own.</summary>
public sealed record ServeBenchmarkOptions
{
    public const string Source = "sim servebench";

    public string Robot { get; init; } = "arm6";

    /// <summary>Seconds each wall-clock part measures for, after <see cref="WarmupS"/>.</summary>
    public double SecondsPerPart { get; init; } = 5;

    /// <summary>Seconds to let the served robot settle (JIT, first frames) before a part measures.</summary>
    public double WarmupS { get; init; } = 1;

    /// <summary>Control periods the lockstep part runs (10 physics steps each).</summary>
    public int LockstepPeriods { get; init; } = 500;

    /// <summary>Step commands whose latency is measured (one every <see cref="LatencyIntervalS"/>).</summary>
    public int LatencySamples { get; init; } = 100;

    public double LatencyIntervalS { get; init; } = 0.1;

    /// <summary>Image size of the camera part.</summary>
    public int CameraWidth { get; init; } = 640;

    public int CameraHeight { get; init; } = 480;

    public double CameraRateHz { get; init; } = 30;

    /// <summary>DDS domain of the benchmark's robot and client, apart from robots others may be serving.</summary>
    public int DomainId { get; init; } = 201;

    /// <exception cref="InvalidConfigException">Names the flag.</exception>
    public void Validate()
    {
        if (!double.IsFinite(SecondsPerPart) || SecondsPerPart is < 0.5 or > 600)
        {
            throw new InvalidConfigException(Source, "--seconds", $"must be 0.5 to 600 seconds, got {SecondsPerPart}");
        }

        if (LockstepPeriods is < 10 or > 1_000_000)
        {
            throw new InvalidConfigException(Source, "--periods", $"must be 10 to 1000000, got {LockstepPeriods}");
        }

        if (LatencySamples is < 5 or > 100_000)
        {
            throw new InvalidConfigException(Source, "--latency-samples", $"must be 5 to 100000, got {LatencySamples}");
        }

        if (DomainId is < 0 or > Ros.Transport.RosOptions.MaxDomainId)
        {
            throw new InvalidConfigException(Source, "--domain", $"must be 0 to {Ros.Transport.RosOptions.MaxDomainId}, got {DomainId}");
        }
    }
}
