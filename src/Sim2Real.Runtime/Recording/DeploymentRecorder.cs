using System.Collections.Concurrent;
using System.Diagnostics;
using Sim2Real.Mcap;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Recording;

/// <summary>
/// A deployment's MCAP log (rosbag2's ros2 profile): every topic the runtime reads or writes, with log time = when
/// the loop took or sent the message on the deployment's clock (sim time under /clock, as <c>ros2 bag record
/// --use-sim-time</c> stamps) and publish time = the message's header stamp where it has one. The loop only
/// enqueues (O(1), never blocking: a full queue drops and counts); serialization, compression and disk writes run
/// on the recorder's own thread, so recording cannot make the control loop miss a deadline. Chunks close every
/// flush interval, so SIGKILL loses at most that much (<c>log recover</c> rebuilds the rest).
/// </summary>
public sealed class DeploymentRecorder : IDisposable
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(50);
    private readonly McapWriter _writer;
    private readonly BlockingCollection<PendingMessage> _queue;
    private readonly Thread _thread;
    private readonly Lock _statsGate = new();
    private readonly LatencyHistogram _writeTime = new();
    private readonly Dictionary<string, RecordedTopic> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<McapRecord> _records = new();
    private long _written;
    private long _dropped;
    private int _maxDepth;
    private Exception? _failure;
    private bool _disposed;
    private bool _closing;

    private DeploymentRecorder(string path, McapWriter writer, RecordingOptions options)
    {
        Path = path;
        Options = options;
        _writer = writer;
        _queue = new BlockingCollection<PendingMessage>(options.QueueCapacity);
        _thread = new Thread(WriteLoop) { Name = "sim2real-recorder", IsBackground = true, Priority = ThreadPriority.BelowNormal };
    }

    public string Path { get; }

    public RecordingOptions Options { get; }

    /// <summary>Set once the writer thread failed (disk full, ...): the run goes on unrecorded and says so.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Creates <paramref name="path"/> (never overwriting) and starts its writer thread.</summary>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static DeploymentRecorder Create(string path, RecordingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var writer = McapWriter.Create(path, new McapWriterOptions
        {
            Compression = options.Compression,
            FlushInterval = options.FlushInterval,
            ChunkSize = options.ChunkSizeBytes,
        });
        var recorder = new DeploymentRecorder(path, writer, options);
        recorder._thread.Start();
        return recorder;
    }

    /// <summary>
    /// The channel of <paramref name="topic"/> carrying <typeparamref name="T"/> with <paramref name="qos"/>. Call
    /// before recording on it (the writer is shared with the writer thread, so channels are added under its lock).
    /// </summary>
    public RecordedTopic Topic<T>(string topic, QosProfile qos)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(topic);
        lock (_topics)
        {
            if (_topics.TryGetValue(topic, out var known))
            {
                return known;
            }

            var type = RosMessageTypes.Find(T.TypeName) ?? throw new ArgumentException($"{T.TypeName} is not a registered message type", nameof(topic));
            var channel = _writer.AddRos2Channel(topic, type, [qos]);
            var recorded = new RecordedTopic(TopicName.Resolve(topic), channel);
            _topics[topic] = recorded;
            return recorded;
        }
    }

    /// <summary>Queues <paramref name="message"/>; never blocks. Any thread.</summary>
    /// <param name="takenAt">When the loop took (or sent) it, on the deployment's clock: the log time.</param>
    /// <param name="stamp">The header stamp (the publish time); null for messages without a header.</param>
    public void Record<T>(RecordedTopic topic, T message, DateTimeOffset takenAt, Time? stamp = null)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(topic);
        var log = LogTime(takenAt);
        Enqueue(new PendingMessage<T>(topic.Channel, log, PublishTime(stamp, log), message));
    }

    private static ulong PublishTime(Time? stamp, ulong log) =>
        stamp is { } s && (s.Sec != 0 || s.Nanosec != 0) ? (ulong)Math.Max(0L, (long)s.Sec) * 1_000_000_000UL + s.Nanosec : log;

    private void Enqueue(PendingMessage item)
    {
        if (Volatile.Read(ref _closing))
        {
            return;
        }

        bool added;
        try
        {
            added = _queue.TryAdd(item);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // Closed meanwhile (the run is ending; a last sample raced it): too late for this one.
            return;
        }

        lock (_statsGate)
        {
            if (added)
            {
                _maxDepth = Math.Max(_maxDepth, _queue.Count);
            }
            else
            {
                _dropped++;
            }
        }
    }

    /// <summary>Queues a camera image to be JPEG-encoded on the writer thread, on a sensor_msgs/CompressedImage channel.</summary>
    public void RecordCompressed(RecordedTopic topic, Ros.Messages.SensorMsgs.Image image, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(image);
        var log = LogTime(takenAt);
        Enqueue(new PendingCompressedImage(topic.Channel, log, PublishTime(image.Header.Stamp, log), image, topic.Name, Options.JpegQuality));
    }

    /// <summary>Queues a metadata record (episode boundaries, the deployment's provenance); written in order with messages.</summary>
    public void Metadata(string name, IReadOnlyDictionary<string, string> values) => _records.Enqueue(new McapMetadata(name, values));

    /// <summary>Queues an attachment (the launch file, robot.yaml, the policy's manifest).</summary>
    public void Attach(string name, string mediaType, ReadOnlyMemory<byte> data, DateTimeOffset at)
    {
        var time = LogTime(at);
        _records.Enqueue(new McapAttachment(time, time, name, mediaType, data));
    }

    public RecorderStatistics Statistics
    {
        get
        {
            lock (_statsGate)
            {
                return new RecorderStatistics
                {
                    Path = Path,
                    Written = _written,
                    Dropped = _dropped,
                    MaxQueueDepth = _maxDepth,
                    WriteTime = _writeTime.Copy(),
                    Bytes = _writer.Position,
                };
            }
        }
    }

    /// <summary>Drains the queue, closes the file (summary, index, footer) and stops the thread.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Volatile.Write(ref _closing, true);
        _queue.CompleteAdding();
        _thread.Join();
        if (Failure is null)
        {
            _writer.Dispose();
        }
        else
        {
            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // Already reported as Failure; what reached the disk stays recoverable with `log recover`.
            }
        }
    }

    private static ulong LogTime(DateTimeOffset at) => at <= DateTimeOffset.UnixEpoch ? 0 : McapTime.FromDateTimeOffset(at);

    private void WriteLoop()
    {
        using var cdr = new CdrWriter(4096);
        try
        {
            while (!_queue.IsCompleted)
            {
                WriteRecords();
                if (_queue.TryTake(out var item, IdleWait))
                {
                    var started = Stopwatch.GetTimestamp();
                    cdr.Reset();
                    try
                    {
                        item.Write(cdr);
                    }
                    catch (Exception e) when (e is InvalidDataException or Vision.OpenCvException)
                    {
                        // An image the loop itself refused (wrong encoding or size): dropped here too, counted.
                        lock (_statsGate)
                        {
                            _dropped++;
                        }

                        continue;
                    }

                    _writer.WriteMessage(item.Channel, item.LogTime, item.PublishTime, cdr.Written);
                    var took = Stopwatch.GetElapsedTime(started);
                    lock (_statsGate)
                    {
                        _written++;
                        _writeTime.Record(took);
                    }
                }
                else
                {
                    _writer.FlushIfDue();
                }
            }

            WriteRecords();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Volatile.Write(ref _failure, e);
            while (_queue.TryTake(out _))
            {
            }
        }
    }

    private void WriteRecords()
    {
        while (_records.TryDequeue(out var record))
        {
            switch (record)
            {
                case McapMetadata metadata:
                    _writer.WriteMetadata(metadata);
                    break;
                case McapAttachment attachment:
                    _writer.WriteAttachment(attachment);
                    break;
            }
        }
    }
}
