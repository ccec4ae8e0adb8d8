using System.Globalization;

namespace Sim2Real.Ros.Bench;

/// <summary>What the publishing side of <see cref="ImageThroughputBench"/> sent: images of a size, how many, in how long.</summary>
public sealed record ThroughputSent(int Width, int Height, int ImageBytes, long Sent, double Seconds)
{
    public double MessagesPerSecond => Sent / Seconds;

    /// <summary>The line <c>topic bench throughput</c> prints, with the sink's own line (bench/ros_bench.sh reads its rate).</summary>
    public string Line(string? sinkReport) => string.Create(CultureInfo.InvariantCulture,
        $"throughput image {Width}x{Height}x3 ({ImageBytes} B) sent {Sent} in {Seconds:0.00}s ({MessagesPerSecond:0} msg/s); {sinkReport}");
}
