using System.Reactive.Subjects;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A subscription to a topic whose type is chosen at run time: samples arrive as bytes, and, when a decoder is given,
/// samples it rejects are counted as malformed and dropped.
/// </summary>
public sealed class SerializedSubscription : IObservable<SerializedMessage>, IDisposable, IGraphEndpoint
{
    private readonly SubjectBase<SerializedMessage> _subject;
    private readonly TopicReader _reader;
    private readonly RosMessageType? _validate;
    private readonly Action<SerializedSubscription> _onDispose;
    private int _disposed;

    internal SerializedSubscription(RosNode node, string topic, RosTypeName type, QosProfile qos, bool validate, Action<SerializedSubscription> onDispose)
    {
        _onDispose = onDispose;
        _validate = validate ? RosMessageTypes.Get(type) : null;
        // As RosSubscription: latched history arrives during reader creation, so replay it to observers.
        _subject = qos.Durability == Durability.TransientLocal
            ? (qos.History == History.KeepLast ? new ReplaySubject<SerializedMessage>(qos.Depth) : new ReplaySubject<SerializedMessage>())
            : new Subject<SerializedMessage>();
        _reader = new TopicReader(node, topic, type, qos, Deliver);
    }

    public string Topic => _reader.Topic;

    public RosTypeName Type => _reader.Type;

    public EndpointStatus Status => _reader.Status;

    public event Action<EndpointStatus>? IncompatibleQosDetected
    {
        add => _reader.IncompatibleQosDetected += value;
        remove => _reader.IncompatibleQosDetected -= value;
    }

    bool IGraphEndpoint.IsWriter => false;

    byte[] IGraphEndpoint.Gid => _reader.Gid;

    public IDisposable Subscribe(IObserver<SerializedMessage> observer) => _subject.Subscribe(observer);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _reader.Dispose();
        _subject.OnCompleted();
        _subject.Dispose();
        _onDispose(this);
    }

    private void Deliver(ReadOnlySpan<byte> cdr, long sourceTimestamp)
    {
        // Decoding is the validation: it throws MalformedMessageException, which the reader counts and drops.
        _validate?.Read(cdr);

        _subject.OnNext(new SerializedMessage(cdr.ToArray(), DateTimeOffset.FromUnixTimeMilliseconds(sourceTimestamp / 1_000_000)));
    }
}
