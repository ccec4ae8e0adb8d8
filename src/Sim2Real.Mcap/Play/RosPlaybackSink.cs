using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Play;

/// <summary>
/// Plays onto ROS 2, as <c>ros2 bag play</c> does: one publisher per logged topic, of the logged type with the QoS
/// its publishers offered when it was recorded, and /clock when asked for.
/// </summary>
public sealed class RosPlaybackSink : IPlaybackSink, IDisposable
{
    /// <summary>/clock as rclcpp's ClockQoS: KEEP_LAST 1, BEST_EFFORT, VOLATILE.</summary>
    public static QosProfile ClockQos { get; } = new(Reliability.BestEffort, Durability.Volatile, History.KeepLast, 1);

    private readonly Dictionary<string, SerializedPublisher> _publishers = new(StringComparer.Ordinal);
    private readonly RosPublisher<Clock>? _clock;

    /// <param name="node">The node the publishers belong to.</param>
    /// <param name="files">The logs to be played; a topic in several gets one publisher, with its first file's type and QoS.</param>
    /// <param name="clock">Whether to publish /clock.</param>
    public RosPlaybackSink(RosNode node, IReadOnlyList<string> files, bool clock)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            using var reader = McapReader.Open(file);
            var decoder = new Ros2MessageDecoder(reader);
            foreach (var channel in reader.Channels.Values)
            {
                var type = decoder.TypeOf(channel.Id);
                if (!_publishers.ContainsKey(channel.Topic))
                {
                    _publishers[channel.Topic] = node.CreateSerializedPublisher(channel.Topic, type.Name, Qos(channel, file));
                }
            }
        }

        _clock = clock ? node.CreatePublisher<Clock>("/clock", ClockQos) : null;
    }

    public void Publish(McapChannel channel, McapMessage message)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        _publishers[channel.Topic].Publish(message.Data.Span);
    }

    public void PublishClock(ulong logTime) =>
        _clock?.Publish(new Clock { Time = new() { Sec = (int)(logTime / 1_000_000_000), Nanosec = (uint)(logTime % 1_000_000_000) } });

    public void Dispose()
    {
        foreach (var publisher in _publishers.Values)
        {
            publisher.Dispose();
        }

        _clock?.Dispose();
    }

    // The first publisher's offered QoS, as ros2 bag play adapts to the recorded profiles; ROS 2's default otherwise.
    private static QosProfile Qos(McapChannel channel, string file) =>
        channel.Metadata.TryGetValue(Ros2Profile.OfferedQosProfilesKey, out var yaml) && OfferedQosProfiles.Parse(yaml, $"{file} {channel.Topic}") is [var first, ..]
            ? first
            : QosProfile.Default;
}
