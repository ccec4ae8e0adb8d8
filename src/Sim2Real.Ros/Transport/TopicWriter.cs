using Sim2Real.Ros.Interop;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>A DDS writer on a ROS 2 topic that publishes already-serialized CDR through the raw sertype.</summary>
internal sealed unsafe class TopicWriter : IDdsListenerTarget, IDisposable
{
    private readonly DdsEntityHandle _topic;
    private readonly DdsEntityHandle _writer;
    private readonly DdsListener _listener;
    private readonly IntPtr _sertype;
    private readonly Lock _matchGate = new();
    private readonly List<(uint Count, TaskCompletionSource Done)> _matchWaiters = [];
    private long _samples;
    private uint _matched;
    private uint _incompatible;
    private uint _lastPolicy;

    public TopicWriter(RosNode node, string topic, RosTypeName type, QosProfile qos, string ddsTopic)
    {
        Topic = topic;
        Type = type;
        var info = MessageDescriptors.Verify(RosMessageTypes.Find(type) ?? GraphTypes.Find(type)
            ?? throw new RosTransportException(topic, type.Ros, "create publisher", "no such message type in this build"));
        _listener = new DdsListener(this, reader: false);
        using var nativeQos = new NativeQos(qos, writer: true);
        var sertype = IntPtr.Zero;
        _topic = node.Entities.Create(topic, type.Ros, "create topic",
            () => DdsNative.s2r_create_topic(node.Participant, ddsTopic, info.DdsTypeName, IntPtr.Zero, IntPtr.Zero, out sertype));
        _sertype = sertype;
        try
        {
            _writer = node.Entities.Create(topic, type.Ros, "create writer",
                () => DdsNative.dds_create_writer(node.Participant, _topic.Entity, nativeQos.Handle, _listener.Native));
        }
        catch
        {
            _topic.Dispose();
            _listener.Dispose();
            throw;
        }

        _listener.ReleaseNative();
        Gid = node.GuidOf(_writer.Entity);
    }

    public string Topic { get; }

    public RosTypeName Type { get; }

    public byte[] Gid { get; }

    public EndpointStatus Status => new(Topic, Type.Ros, Interlocked.Read(ref _samples), 0, 0, Volatile.Read(ref _matched),
        Volatile.Read(ref _incompatible), _incompatible > 0 ? QosPolicyNames.Of(_lastPolicy) : null,
        _incompatible > 0 ? $"{Topic} [{Type}]: a subscription requests incompatible QoS; it will not receive from this publisher. Last incompatible policy: {QosPolicyNames.Of(_lastPolicy)}" : null);

    /// <summary>Writes one serialized message (encapsulation header included). Thread-safe (Cyclone locks the writer).</summary>
    public void Write(ReadOnlySpan<byte> cdr)
    {
        ObjectDisposedException.ThrowIf(_writer.IsClosed, this);
        int rc;
        fixed (byte* p = cdr)
        {
            rc = DdsNative.s2r_write_cdr(_writer.Entity, _sertype, p, (uint)cdr.Length);
        }

        if (rc < 0)
        {
            throw new RosTransportException(Topic, Type.Ros, "publish", rc);
        }

        Interlocked.Increment(ref _samples);
    }

    /// <summary>Completes when at least <paramref name="count"/> subscriptions are matched.</summary>
    public Task WaitForMatchAsync(uint count, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_matchGate)
        {
            if (Volatile.Read(ref _matched) >= count)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _matchWaiters.Add((count, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Blocks until reliable subscribers acknowledged everything written, or the timeout passes.</summary>
    public bool WaitForAcknowledgments(TimeSpan timeout) =>
        DdsNative.dds_wait_for_acks(_writer.Entity, (long)timeout.TotalMilliseconds * 1_000_000) == 0;

    public void OnDataAvailable(int reader)
    {
    }

    public void OnMatched(uint currentCount)
    {
        lock (_matchGate)
        {
            Volatile.Write(ref _matched, currentCount);
            for (var i = _matchWaiters.Count - 1; i >= 0; i--)
            {
                if (currentCount >= _matchWaiters[i].Count)
                {
                    _matchWaiters[i].Done.TrySetResult();
                    _matchWaiters.RemoveAt(i);
                }
            }
        }
    }

    public void OnIncompatibleQos(uint totalCount, uint lastPolicyId)
    {
        Volatile.Write(ref _lastPolicy, lastPolicyId);
        Volatile.Write(ref _incompatible, totalCount);
    }

    public void Dispose()
    {
        if (_writer.IsClosed)
        {
            return;
        }

        _writer.Dispose();
        _topic.Dispose();
        _listener.Dispose();
    }
}
