using System.Diagnostics;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Bench;

/// <summary>
/// Image throughput between two nodes, measured as <c>ddsperf pub/sub</c> measures it: rgb8 sensor_msgs/msg/Image
/// on <c>PREFIX/image</c>, published as fast as a reliable KEEP_ALL subscriber takes them (its flow control holds
/// the publisher back), ended by one image whose frame id is <see cref="EndFrameId"/>.
/// </summary>
public static class ImageThroughputBench
{
    /// <summary>Reliable, volatile, KEEP_ALL.</summary>
    public static QosProfile Qos { get; } = QosProfile.Default with { History = History.KeepAll, Depth = 0 };

    /// <summary>The frame id of the image that ends a run.</summary>
    public const string EndFrameId = "end";

    /// <summary>How long the publisher waits for the sink to match, and for the sink's acknowledgments at the end.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan AcknowledgmentTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits for the sink, publishes <paramref name="width"/>x<paramref name="height"/> images of random pixels for
    /// <paramref name="duration"/>, then the end image, and waits for the sink to acknowledge them.
    /// </summary>
    /// <exception cref="TimeoutException">No sink matched within <see cref="MatchTimeout"/>.</exception>
    public static async Task<ThroughputSent> PublishAsync(RosNode node, string prefix, int width, int height, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        using var publisher = node.CreatePublisher<Image>(prefix + "/image", Qos);
        await publisher.WaitForSubscribersAsync(1, cancellationToken).WaitAsync(MatchTimeout, cancellationToken).ConfigureAwait(false);
        var pixels = new byte[width * height * 3];
        Random.Shared.NextBytes(pixels);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (clock.Elapsed < duration)
        {
            publisher.Publish(new Image
            {
                Header = new() { FrameId = "camera", Stamp = new Time { Sec = (int)(sent / 1_000_000), Nanosec = (uint)(sent % 1_000_000) } },
                Height = (uint)height,
                Width = (uint)width,
                Encoding = "rgb8",
                Step = (uint)(width * 3),
                Data = pixels,
            });
            sent++;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        publisher.Publish(new Image { Header = new() { FrameId = EndFrameId } });
        publisher.WaitForAcknowledgments(AcknowledgmentTimeout);
        return new ThroughputSent(width, height, pixels.Length, sent, elapsed);
    }

    /// <summary>Counts the images on <paramref name="prefix"/> until the end image arrives.</summary>
    public static async Task<ThroughputReceived> SinkAsync(RosNode node, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var images = node.CreateSubscription<Image>(prefix + "/image", Qos);
        var end = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long received = 0;
        long bytes = 0;
        long first = 0;
        long last = 0;
        using var counting = images.Subscribe(image =>
        {
            if (image.Header.FrameId == EndFrameId)
            {
                end.TrySetResult();
                return;
            }

            last = Stopwatch.GetTimestamp();
            if (received++ == 0)
            {
                first = last;
            }

            bytes += image.Data.Length;
        });
        await end.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ThroughputReceived(received, bytes, Stopwatch.GetElapsedTime(first, last).TotalSeconds, images.Status.Malformed);
    }
}
