using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Graph;

/// <summary>
/// Finds a topic's message type through DDS discovery, as <c>ros2 topic echo</c> does: the type its publishers
/// announce, or a requested type checked against them. Discovery is polled on the injected <see cref="TimeProvider"/>,
/// so the waiting can be tested in virtual time.
/// </summary>
public sealed class TopicTypeResolver
{
    /// <summary>How often discovery is read while waiting.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// With a requested type, discovery still gets this long (at most the wait) to show a publisher of another type.
    /// </summary>
    public static readonly TimeSpan RequestedTypeGrace = TimeSpan.FromSeconds(1);

    private readonly Func<IReadOnlyList<DiscoveredEndpoint>> _discover;
    private readonly TimeProvider _time;

    public TopicTypeResolver(RosNode node, TimeProvider? time = null)
        : this(node is null ? throw new ArgumentNullException(nameof(node)) : node.DiscoverEndpoints, time)
    {
    }

    /// <summary>How errors name the type's origin: "type" here, the flag on a command line (e.g. "--type").</summary>
    public string TypeField { get; init; } = "type";

    /// <summary>Over any source of discovered endpoints (a node's <see cref="RosNode.DiscoverEndpoints"/>, or a test's).</summary>
    public TopicTypeResolver(Func<IReadOnlyList<DiscoveredEndpoint>> discover, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(discover);
        _discover = discover;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The type of <paramref name="topic"/>: <paramref name="requested"/> when given (refused if a live publisher uses
    /// another type), otherwise the type its publishers announce, waiting up to <paramref name="wait"/> for one.
    /// </summary>
    public async Task<ResolvedTopic> ResolveAsync(string topic, RosTypeName? requested, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (wait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(wait), wait, "the wait must not be negative");
        }

        var name = TopicName.Resolve(topic);
        var type = requested is null ? null : RosMessageTypes.Get(requested);
        var publishers = await WaitForPublishersAsync(name, type is null ? wait : Min(wait, RequestedTypeGrace), cancellationToken);
        if (type is not null)
        {
            ThrowIfOtherType(name, type, publishers);
            return new ResolvedTopic(name, type, publishers);
        }

        if (publishers.Count == 0)
        {
            throw new InvalidConfigException(name, TypeField, $"no publisher found within {wait.TotalSeconds:0.#} s, so the type is unknown: give it as pkg/msg/Type");
        }

        var types = publishers.Select(p => p.DdsType).Distinct().ToList();
        if (types.Count > 1)
        {
            throw new InvalidConfigException(name, TypeField, $"published with several types ({string.Join(", ", publishers.Select(p => p.TypeDisplay).Distinct())}): give the one to use");
        }

        var ros = publishers[0].Type
            ?? throw new InvalidConfigException(name, TypeField, $"DDS type {types[0]} is not a ROS 2 message type");
        return new ResolvedTopic(name, RosMessageTypes.Get(ros), publishers);
    }

    /// <summary>
    /// Watches discovery until <paramref name="cancellationToken"/> is cancelled (then it completes quietly) or a
    /// publisher of another type than <paramref name="resolved"/>'s appears on the topic (then it fails with an
    /// <see cref="InvalidConfigException"/> naming both types): such a publisher never matches the subscription, so
    /// without this a reader started before it would wait in silence.
    /// </summary>
    public Task WatchForOtherTypesAsync(ResolvedTopic resolved, CancellationToken cancellationToken) =>
        WatchForOtherTypesAsync(resolved, Timeout.InfiniteTimeSpan, _ => { }, cancellationToken);

    /// <summary>
    /// As <see cref="WatchForOtherTypesAsync(ResolvedTopic, CancellationToken)"/>; and once <paramref name="quietAfter"/>
    /// has passed on the injected clock without cancellation (the caller cancels at its first message), calls
    /// <paramref name="quiet"/> once with what discovery shows of the topic then (see <see cref="DescribeQuiet"/>), so a
    /// reader that receives nothing says why it may be waiting.
    /// </summary>
    public async Task WatchForOtherTypesAsync(ResolvedTopic resolved, TimeSpan quietAfter, Action<string> quiet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(quiet);
        var reportAt = quietAfter == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : _time.GetUtcNow() + quietAfter;
        try
        {
            while (true)
            {
                var publishers = Publishers(resolved.Topic);
                ThrowIfOtherType(resolved.Topic, resolved.Type, publishers);
                // Cancelled means the first message came: a loop resuming late must not call that quiet.
                if (_time.GetUtcNow() >= reportAt && !cancellationToken.IsCancellationRequested)
                {
                    reportAt = DateTimeOffset.MaxValue;
                    quiet(DescribeQuiet(resolved, quietAfter, publishers));
                }

                await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller has what it waited for.
        }
    }

    /// <summary>
    /// One line for a reader of <paramref name="resolved"/> that has received nothing for <paramref name="waited"/>:
    /// the publishers discovery shows (none, or how many, with their QoS), and that it goes on waiting.
    /// </summary>
    public static string DescribeQuiet(ResolvedTopic resolved, TimeSpan waited, IReadOnlyList<DiscoveredEndpoint> publishers)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(publishers);
        var seen = publishers.Count == 0
            ? "discovery shows no publisher of the topic"
            : $"discovery shows {publishers.Count} publisher{(publishers.Count == 1 ? "" : "s")} of {resolved.Type.Name} ({string.Join("; ", publishers.Select(p => p.Qos).Distinct())})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{resolved.Topic} [{resolved.Type.Name}]: nothing received within {waited.TotalSeconds:0.###} s; {seen}; still waiting (Ctrl+C to stop)");
    }

    private async Task<IReadOnlyList<DiscoveredEndpoint>> WaitForPublishersAsync(string topic, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var publishers = Publishers(topic);
            var left = deadline - _time.GetUtcNow();
            if (publishers.Count > 0 || left <= TimeSpan.Zero)
            {
                return publishers;
            }

            await Task.Delay(Min(PollInterval, left), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<DiscoveredEndpoint> Publishers(string topic) => [.. _discover().Where(e => e.IsPublisher && e.Topic == topic)];

    private void ThrowIfOtherType(string topic, RosMessageType type, IReadOnlyList<DiscoveredEndpoint> publishers)
    {
        var other = publishers.FirstOrDefault(p => p.DdsType != type.Name.Dds);
        if (other is not null)
        {
            var count = publishers.Count(p => p.DdsType == other.DdsType);
            throw new InvalidConfigException(topic, TypeField,
                $"the topic is published as {other.TypeDisplay} ({count} publisher{(count == 1 ? "" : "s")}), not {type.Name}; the two never match");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
