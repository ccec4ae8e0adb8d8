using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Bags;

/// <summary>
/// <c>log record</c>'s work: records ROS 2 topics into a new bag directory, like <c>ros2 bag record</c>. Each topic's
/// type is found from its publishers, the subscription takes a QoS every publisher can serve, and the samples are
/// written as the CDR bytes that arrived (nothing decoded or re-encoded) with the publishers' offered QoS in the
/// channel metadata. DDS delivers on its own threads; one writer loop owns the bag.
/// </summary>
public sealed class TopicRecording : IAsyncDisposable
{
    private readonly BagWriter _bag;
    private readonly BagRecorder _recorder;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Task _writing;

    private TopicRecording(BagWriter bag, TimeProvider time)
    {
        _bag = bag;
        _recorder = new BagRecorder(bag, time);
        _writing = Task.Run(() => _recorder.RunAsync());
    }

    public BagWriter Bag => _bag;

    public long Received => _recorder.Received;

    /// <summary>
    /// Resolves every topic (waiting up to <paramref name="wait"/> for its publishers), then creates the bag and
    /// subscribes. Nothing is created when a topic cannot be resolved.
    /// </summary>
    /// <exception cref="Core.InvalidConfigException">A topic has no publisher within the wait, several types, or the bag directory exists.</exception>
    public static async Task<TopicRecording> StartAsync(RosNode node, IReadOnlyList<string> topics, string bag, BagWriterOptions options, TimeSpan wait,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0)
        {
            throw new Core.InvalidConfigException("command line", "topics", "name at least one topic to record");
        }

        var resolver = new TopicTypeResolver(node, time);
        var resolved = new List<ResolvedTopic>();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            resolved.Add(await resolver.ResolveAsync(topic, null, wait, cancellationToken).ConfigureAwait(false));
        }

        var writer = BagWriter.Create(bag, options);
        var recording = new TopicRecording(writer, time ?? TimeProvider.System);
        try
        {
            foreach (var topic in resolved)
            {
                var index = writer.AddTopic(topic.Topic, topic.Type, [.. topic.Publishers.Select(p => p.Qos)]);
                var subscription = node.CreateSerializedSubscription(topic.Topic, topic.Type.Name, SubscriptionQos.For(topic.Publishers), validate: false);
                recording._subscriptions.Add(subscription);
                recording._subscriptions.Add(subscription.Subscribe(m => recording._recorder.Post(index, m.Cdr, McapTime.FromDateTimeOffset(m.SourceTimestamp))));
            }
        }
        catch
        {
            await recording.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return recording;
    }

    /// <summary>Stops the subscriptions, writes what was received and closes the bag (metadata.yaml last).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in Enumerable.Reverse(_subscriptions))
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        _recorder.Complete();
        try
        {
            await _writing.ConfigureAwait(false);
        }
        finally
        {
            _bag.Dispose();
        }
    }
}
