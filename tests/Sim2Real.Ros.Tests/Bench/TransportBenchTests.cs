using Sim2Real.Ros.Bench;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Bench;

/// <summary>
/// The image throughput benchmark between two nodes of this process, on loopback, run small. (The ping/pong runs
/// between two processes, in the CLI's tests: within one process Cyclone delivers a write to a reader of the same
/// process inside the write call (ddsi's deliver_locally), so a pong answering from its data callback answers inside
/// the ping's own write, and the exchange never returns.)
/// </summary>
public class TransportBenchTests
{
    [Fact]
    public async Task Throughput_sink_receives_every_image_the_publisher_sent()
    {
        var prefix = "/" + RosTestEnvironment.UniquePrefix();
        using var a = new RosNode(RosTestEnvironment.Options("bench_pub"));
        using var b = new RosNode(RosTestEnvironment.Options("bench_sink"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sink = ImageThroughputBench.SinkAsync(b, prefix, timeout.Token);

        var sent = await ImageThroughputBench.PublishAsync(a, prefix, 8, 6, TimeSpan.FromSeconds(0.2), timeout.Token);
        var received = await sink;

        Assert.True(sent.Sent > 0);
        Assert.Equal(8 * 6 * 3, sent.ImageBytes);
        Assert.Equal((sent.Sent, sent.Sent * sent.ImageBytes, 0L), (received.Received, received.Bytes, received.Malformed));
        Assert.StartsWith($"throughput image 8x6x3 (144 B) sent {sent.Sent} in ", sent.Line(received.Line()), StringComparison.Ordinal);
        Assert.Contains($"; received {sent.Sent} in ", sent.Line(received.Line()), StringComparison.Ordinal);
    }
}
