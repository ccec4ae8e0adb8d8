using System.Reactive.Subjects;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A ROS 2 subscription as a hot <see cref="IObservable{T}"/>. Messages arrive on Cyclone's receive thread (use
/// ObserveOn to move them); malformed samples are counted in <see cref="Status"/> and dropped. On transient-local
/// (latched) topics the last <c>depth</c> messages are replayed to each new observer. Disposing deletes the reader and
/// completes the observers. <see cref="RosNode.Observe{T}"/> wraps this as a cold observable.
/// </summary>
public sealed class RosSubscription<T> : IObservable<T>, IDisposable, IGraphEndpoint
    where T : IRosMessage<T>
{
    private readonly SubjectBase<T> _subject;
    private readonly TopicReader _reader;
    private readonly Action<RosSubscription<T>> _onDispose;
    private int _disposed;

    internal RosSubscription(RosNode node, string topic, QosProfile qos, Action<RosSubscription<T>> onDispose)
    {
        _onDispose = onDispose;
        // A latched topic's history arrives while the reader is being created, before anyone could subscribe:
        // replay it (up to the history depth) to observers, which is what a late joiner of a latched topic expects.
        _subject = qos.Durability == Durability.TransientLocal
            ? (qos.History == History.KeepLast ? new ReplaySubject<T>(qos.Depth) : new ReplaySubject<T>())
            : new Subject<T>();
        _reader = new TopicReader(node, topic, T.TypeName, qos, Decode);
    }

    public string Topic => _reader.Topic;

    public EndpointStatus Status => _reader.Status;

    /// <summary>Raised when a publisher with incompatible QoS is discovered (it will never be connected).</summary>
    public event Action<EndpointStatus>? IncompatibleQosDetected
    {
        add => _reader.IncompatibleQosDetected += value;
        remove => _reader.IncompatibleQosDetected -= value;
    }

    bool IGraphEndpoint.IsWriter => false;

    byte[] IGraphEndpoint.Gid => _reader.Gid;

    public IDisposable Subscribe(IObserver<T> observer) => _subject.Subscribe(observer);

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

    private void Decode(ReadOnlySpan<byte> cdr, long sourceTimestamp)
    {
        _subject.OnNext(RosMessage.Decode<T>(cdr));
    }
}
