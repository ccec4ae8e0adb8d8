using System.Text;
using Sim2Real.Core;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Bags;

/// <summary>
/// Writes a rosbag2-style bag directory: <c>&lt;name&gt;_0.mcap</c>, <c>&lt;name&gt;_1.mcap</c>, ... (each a complete
/// ros2-profile MCAP file) and metadata.yaml, splitting to a new file by size or log-time span as
/// <c>ros2 bag record --max-bag-size / --max-bag-duration</c> do. metadata.yaml is rewritten (atomically) at every
/// split and at the end, so a killed recorder leaves a directory whose closed files are listed. One thread writes.
/// </summary>
public sealed class BagWriter : IDisposable
{
    private readonly string _directory;
    private readonly string _name;
    private readonly BagWriterOptions _options;
    private readonly List<BagTopic> _topics = [];
    private readonly List<BagFile> _files = [];
    private readonly Dictionary<int, ushort> _channels = [];
    private McapWriter? _current;
    private ulong _fileStart;
    private ulong _fileEnd;
    private ulong _fileMessages;
    private bool _closed;

    private BagWriter(string directory, BagWriterOptions options)
    {
        _directory = directory;
        _name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        _options = options;
    }

    public string Directory => _directory;

    public IReadOnlyList<BagTopic> Topics => _topics;

    /// <summary>Files closed so far, and the one being written.</summary>
    public IReadOnlyList<string> FileNames => [.. _files.Select(f => f.Path), .. _current is null ? Array.Empty<string>() : [CurrentName]];

    private string CurrentName => $"{_name}_{_files.Count}.mcap";

    /// <summary>Creates the bag directory (as rosbag2, refusing one that exists) and its first file.</summary>
    /// <exception cref="InvalidConfigException">The directory exists, or an option is out of range.</exception>
    public static BagWriter Create(string directory, BagWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new BagWriterOptions();
        options.Validate();
        if (System.IO.Directory.Exists(directory) || File.Exists(directory))
        {
            throw new InvalidConfigException(directory, "-o", "already exists; rosbag2 records into a new directory (nothing was overwritten)");
        }

        System.IO.Directory.CreateDirectory(directory);
        var bag = new BagWriter(directory, options);
        bag.Open();
        return bag;
    }

    /// <summary>Adds a topic; its index is what <see cref="Write"/> takes.</summary>
    public int AddTopic(string topic, Sim2Real.Ros.Messages.RosMessageType type, IReadOnlyList<QosProfile> offeredQos)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(offeredQos);
        _topics.Add(new BagTopic(TopicName.Resolve(topic), type, offeredQos));
        var index = _topics.Count - 1;
        _channels[index] = _current!.AddRos2Channel(_topics[index].Name, type, offeredQos);
        return index;
    }

    /// <summary>Writes one serialized message (CDR with its encapsulation header) of topic <paramref name="topic"/>, splitting first when due.</summary>
    public void Write(int topic, ulong logTime, ulong publishTime, ReadOnlySpan<byte> cdr)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if ((uint)topic >= (uint)_topics.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(topic), topic, $"the bag has {_topics.Count} topics");
        }

        if (_fileMessages > 0 && SplitDue(logTime))
        {
            Split();
        }

        _current!.WriteMessage(_channels[topic], logTime, publishTime, cdr);
        _fileStart = _fileMessages == 0 ? logTime : Math.Min(_fileStart, logTime);
        _fileEnd = _fileMessages == 0 ? logTime : Math.Max(_fileEnd, logTime);
        _fileMessages++;
        _topics[topic].MessageCount++;
    }

    /// <summary>Closes a chunk that has been open for the flush interval (call when the topics are quiet).</summary>
    public void FlushIfDue() => _current?.FlushIfDue();

    /// <summary>Closes the last file and writes the final metadata.yaml.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        CloseCurrent();
        WriteMetadata();
    }

    private bool SplitDue(ulong logTime) =>
        (_options.MaxBagSizeBytes > 0 && _current!.Position >= _options.MaxBagSizeBytes)
        || (_options.MaxBagDuration > TimeSpan.Zero && logTime >= _fileStart && logTime - _fileStart >= (ulong)_options.MaxBagDuration.Ticks * 100);

    private void Split()
    {
        CloseCurrent();
        WriteMetadata();
        Open();
        for (var i = 0; i < _topics.Count; i++)
        {
            _channels[i] = _current!.AddRos2Channel(_topics[i].Name, _topics[i].Type, _topics[i].OfferedQos);
        }
    }

    private void Open()
    {
        _current = McapWriter.Create(Path.Combine(_directory, CurrentName), _options.Mcap);
        _fileMessages = 0;
        _fileStart = _fileEnd = 0;
    }

    private void CloseCurrent()
    {
        if (_current is null)
        {
            return;
        }

        var name = CurrentName;
        _current.Dispose();
        _current = null;
        _files.Add(new BagFile(name, _fileStart, _fileEnd - _fileStart, _fileMessages));
    }

    // Written beside and renamed over, so a reader (or a crash) sees the old metadata or the new, never half.
    private void WriteMetadata()
    {
        var path = Path.Combine(_directory, BagMetadata.FileName);
        var temporary = Path.Combine(_directory, $".{BagMetadata.FileName}.tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(BagMetadata.Format(_topics, _files)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
