using System.Globalization;

namespace Sim2Real.Ros.Bench;

/// <summary>What the sink of <see cref="ImageThroughputBench"/> received, between its first and last image.</summary>
public sealed record ThroughputReceived(long Received, long Bytes, double Seconds, long Malformed)
{
    public double MessagesPerSecond => Received / Seconds;

    public double MegabitsPerSecond => Bytes * 8 / Seconds / 1e6;

    /// <summary>The sink's report line (the publisher quotes it).</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"received {Received} in {Seconds:0.00}s: {MessagesPerSecond:0} msg/s, {MegabitsPerSecond:0} Mb/s, malformed {Malformed}");
}
