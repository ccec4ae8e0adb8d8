using System.Reactive.Subjects;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// What every subscription shares: a DDS reader whose samples are pushed to a hot <see cref="IObservable{T}"/> on
/// Cyclone's receive thread (use ObserveOn to move them). Malformed samples are counted in <see cref="Status"/> and
/// dropped. On transient-local (latched) topics the last <c>depth</c> items are replayed to each new observer.
/// Disposing deletes the reader and completes the observers. Subclasses only say how a sample becomes an item.
/// </summary>
/// <remarks>
/// The decoder is a constructor argument rather than a virtual method because latched history is delivered while the
/// reader is being created, before a subclass constructor could have run.
/// </remarks>
public abstract class TopicSubscription<TItem> : IObservable<TItem>, IDisposable, IGraphEndpoint
{
    private readonly SubjectBase<TItem> _subject;
    private readonly TopicReader _reader;
    private readonly Action<IDisposable> _onDispose;
    private int _disposed;

    private protected TopicSubscription(RosNode node, string topic, RosTypeName type, QosProfile qos, SampleDecoder<TItem> decode, Action<IDisposable> onDispose)
    {
        ArgumentNullException.ThrowIfNull(qos);
        _onDispose = onDispose;
        // A latched topic's history arrives while the reader is being created, before anyone could subscribe:
        // replay it (up to the history depth) to observers, which is what a late joiner of a latched topic expects.
        _subject = qos.Durability == Durability.TransientLocal
            ? (qos.History == History.KeepLast ? new ReplaySubject<TItem>(qos.Depth) : new ReplaySubject<TItem>())
            : new Subject<TItem>();
        _reader = new TopicReader(node, topic, type, qos, (cdr, sourceTimestamp) => _subject.OnNext(decode(cdr, sourceTimestamp)));
    }

    public string Topic => _reader.Topic;

    public RosTypeName Type => _reader.Type;

    public EndpointStatus Status => _reader.Status;

    /// <summary>Raised when a publisher with incompatible QoS is discovered (it will never be connected).</summary>
    public event Action<EndpointStatus>? IncompatibleQosDetected
    {
        add => _reader.IncompatibleQosDetected += value;
        remove => _reader.IncompatibleQosDetected -= value;
    }

    bool IGraphEndpoint.IsWriter => false;

    byte[] IGraphEndpoint.Gid => _reader.Gid;

    public IDisposable Subscribe(IObserver<TItem> observer) => _subject.Subscribe(observer);

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
        GC.SuppressFinalize(this);
    }
}
