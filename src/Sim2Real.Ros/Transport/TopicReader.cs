using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Interop;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A DDS reader on a ROS 2 topic that hands each sample's CDR bytes to a sink, inside Cyclone's data-available callback.
/// Samples the sink cannot decode are counted and dropped; an exception from downstream code is counted too. Nothing
/// escapes into Cyclone's thread.
/// </summary>
internal sealed unsafe class TopicReader : IDdsListenerTarget, IDisposable
{
    private readonly DdsEntityHandle _topic;
    private readonly DdsEntityHandle _reader;
    private readonly DdsListener _listener;
    private readonly SampleSink _sink;
    private readonly Lock _drain = new();
    private long _samples;
    private long _malformed;
    private long _faults;
    private uint _matched;
    private uint _incompatible;
    private uint _lastPolicy;
    private string? _lastError;
    private int _disposed;

    public delegate void SampleSink(ReadOnlySpan<byte> cdr, long sourceTimestamp);

    public TopicReader(RosNode node, string topic, RosTypeName type, QosProfile qos, SampleSink sink, string? ddsTopic = null)
    {
        Topic = topic;
        Type = type;
        _sink = sink;
        ddsTopic ??= TopicName.ToDds(topic);
        var info = MessageDescriptors.Verify(RosMessageTypes.Find(type) ?? GraphTypes.Find(type)
            ?? throw new RosTransportException(topic, type.Ros, "create subscription", "no such message type in this build"));
        _listener = new DdsListener(this, reader: true);
        using var nativeQos = new NativeQos(qos, writer: false);
        _topic = node.Entities.Create(topic, type.Ros, "create topic",
            () => DdsNative.s2r_create_topic(node.Participant, ddsTopic, info.DdsTypeName, IntPtr.Zero, IntPtr.Zero, out _));
        try
        {
            _reader = node.Entities.Create(topic, type.Ros, "create reader",
                () => DdsNative.dds_create_reader(node.Participant, _topic.Entity, nativeQos.Handle, _listener.Native));
        }
        catch
        {
            _topic.Dispose();
            _listener.Dispose();
            throw;
        }

        _listener.ReleaseNative();
        Gid = node.GuidOf(_reader.Entity);
    }

    public string Topic { get; }

    public RosTypeName Type { get; }

    public byte[] Gid { get; }

    public EndpointStatus Status => new(Topic, Type.Ros, Interlocked.Read(ref _samples), Interlocked.Read(ref _malformed),
        Interlocked.Read(ref _faults), Volatile.Read(ref _matched), Volatile.Read(ref _incompatible),
        _incompatible > 0 ? QosPolicyNames.Of(_lastPolicy) : null, Volatile.Read(ref _lastError));

    /// <summary>Raised (on Cyclone's thread) when a publisher with incompatible QoS is discovered.</summary>
    public event Action<EndpointStatus>? IncompatibleQosDetected;

    public void OnDataAvailable(int reader)
    {
        // Cyclone may call the listener from more than one receive thread; one drain at a time keeps order.
        lock (_drain)
        {
            while (Volatile.Read(ref _disposed) == 0)
            {
                var n = DdsNative.s2r_take_one(reader, out var handle, out var data, out var size, out var timestamp);
                if (n <= 0)
                {
                    if (n < 0)
                    {
                        Volatile.Write(ref _lastError, $"{Topic} [{Type}]: take failed: {DdsNative.RetcodeText(n)}");
                    }

                    return;
                }

                if (n != 1)
                {
                    continue; // a no-data notification (writer gone); nothing to deliver
                }

                try
                {
                    Deliver(new ReadOnlySpan<byte>(data, (int)size), timestamp);
                }
                finally
                {
                    DdsNative.s2r_release(handle);
                }
            }
        }
    }

    public void OnMatched(uint currentCount) => Volatile.Write(ref _matched, currentCount);

    public void OnIncompatibleQos(uint totalCount, uint lastPolicyId)
    {
        Volatile.Write(ref _lastPolicy, lastPolicyId);
        Volatile.Write(ref _incompatible, totalCount);
        var message = $"{Topic} [{Type}]: a publisher offers incompatible QoS; no messages will be received from it. Last incompatible policy: {QosPolicyNames.Of(lastPolicyId)}";
        Volatile.Write(ref _lastError, message);
        try
        {
            IncompatibleQosDetected?.Invoke(Status);
        }
#pragma warning disable CA1031 // Handlers run on Cyclone's thread; a throwing handler is counted, not propagated into C.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _faults);
            Volatile.Write(ref _lastError, $"{Topic} [{Type}]: incompatible-QoS handler threw: {e.Message}");
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Deleting the reader waits for a running callback; only then may the listener's GCHandle go.
        _reader.Dispose();
        _topic.Dispose();
        _listener.Dispose();
    }

    private void Deliver(ReadOnlySpan<byte> cdr, long timestamp)
    {
        try
        {
            _sink(cdr, timestamp);
            Interlocked.Increment(ref _samples);
        }
        catch (MalformedMessageException e)
        {
            Interlocked.Increment(ref _malformed);
            Volatile.Write(ref _lastError, $"{Topic} [{Type}]: dropped a malformed sample ({cdr.Length} bytes): {e.Message}");
        }
#pragma warning disable CA1031 // Observer code runs on Cyclone's thread; its exceptions are counted, not thrown into C.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _faults);
            Volatile.Write(ref _lastError, $"{Topic} [{Type}]: subscriber threw {e.GetType().Name}: {e.Message}");
        }
    }
}
