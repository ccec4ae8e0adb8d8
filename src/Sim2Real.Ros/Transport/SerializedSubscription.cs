using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A subscription to a topic whose type is chosen at run time: samples arrive as bytes, and, when a decoder is given,
/// samples it rejects are counted as malformed and dropped.
/// </summary>
public sealed class SerializedSubscription : TopicSubscription<SerializedMessage>
{
    internal SerializedSubscription(RosNode node, string topic, RosTypeName type, QosProfile qos, bool validate, Action<IDisposable> onDispose)
        : base(node, topic, type, qos, Decoder(validate ? RosMessageTypes.Get(type) : null), onDispose)
    {
    }

    private static SampleDecoder<SerializedMessage> Decoder(RosMessageType? validate) => (cdr, sourceTimestamp) =>
    {
        // Decoding is the validation: it throws MalformedMessageException, which the reader counts and drops.
        validate?.Read(cdr);
        return new SerializedMessage(cdr.ToArray(), DateTimeOffset.FromUnixTimeMilliseconds(sourceTimestamp / 1_000_000));
    };
}
