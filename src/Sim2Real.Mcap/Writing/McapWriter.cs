using System.IO.Hashing;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Writing;

/// <summary>
/// Writes an MCAP file as the specification lays it out: magic, Header, chunks (each followed by its Message
/// Index records), Attachment and Metadata records, Data End with the data section CRC, then the summary
/// (Schemas, Channels, Statistics, Chunk/Attachment/Metadata Indexes), Summary Offsets, Footer with the summary CRC, magic.
/// </summary>
/// <remarks>
/// <para>Crash safety: a chunk is built in memory and, once complete, written with its message indexes and flushed
/// to disk (fsync for a <see cref="FileStream"/>) before the next one starts. A process killed at any instant leaves
/// every earlier chunk readable by a linear read; it loses the chunk being built (at most
/// <see cref="McapWriterOptions.FlushInterval"/> of data) and, if it died mid-write, a truncated tail that
/// <see cref="Recovery.McapRecovery"/> cuts off. Attachments and metadata are flushed as they are written.</para>
/// <para>Threading: one thread owns a writer (the runtime gives it a dedicated writer thread fed by a queue). Calls
/// from two threads at once are refused with <see cref="InvalidOperationException"/> rather than corrupting the file.</para>
/// </remarks>
public sealed class McapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly McapWriterOptions _options;
    private readonly string _compression;
    private readonly ulong _intervalNs;
    private readonly RecordBuilder _scratch = new();
    private readonly RecordBuilder _chunk = new(1 << 16);
    private readonly ChunkCodec _codec;
    private readonly Crc32 _crc = new();

    private readonly Dictionary<ushort, McapSchema> _schemas = [];
    private readonly Dictionary<ushort, McapChannel> _channels = [];
    private readonly HashSet<ushort> _schemasWritten = [];
    private readonly HashSet<ushort> _channelsWritten = [];
    private readonly Dictionary<ushort, uint> _sequences = [];
    private readonly SortedDictionary<ushort, ulong> _channelCounts = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];

    // The chunk being built: its message indexes per channel (in order of first appearance) and time span.
    private readonly List<(ushort Channel, List<McapMessageIndexEntry> Entries)> _chunkIndex = [];
    private readonly Dictionary<ushort, List<McapMessageIndexEntry>> _chunkEntries = [];
    private long _chunkMessages;
    private ulong _chunkStart;
    private ulong _chunkEnd;
    private long _chunkOpenedAt;

    private long _position;
    private ulong _messageCount;
    private ulong _messageStart;
    private ulong _messageEnd;
    private long _flushedMessages;
    private int _busy;
    private bool _closed;
    private bool _failed;

    /// <summary>Starts an MCAP file on <paramref name="stream"/>: writes the magic and the Header at once.</summary>
    public McapWriter(Stream stream, McapWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options ?? new McapWriterOptions();
        _options.Validate();
        _stream = stream;
        _leaveOpen = leaveOpen;
        _compression = McapCompressionNames.ToWire(_options.Compression);
        _intervalNs = (ulong)_options.FlushInterval.Ticks * 100;
        _codec = new ChunkCodec(_options.ZstdLevel);
        Guarded(() =>
        {
            Write(McapMagic.Bytes);
            _scratch.Clear();
            _scratch.Header(new McapHeader(_options.Profile, _options.Library));
            Write(_scratch.Written);
            FlushToDisk();
        });
    }

    /// <summary>Bytes written to the stream so far.</summary>
    public long Position => _position;

    /// <summary>Chunks completed and flushed so far.</summary>
    public int ChunkCount => _chunkIndexes.Count;

    /// <summary>Messages handed to the writer so far.</summary>
    public ulong MessageCount => _messageCount;

    /// <summary>Messages in chunks already flushed to disk: what a crash from now on cannot lose.</summary>
    public long FlushedMessageCount => _flushedMessages;

    /// <summary>Creates <paramref name="path"/> (never overwriting a file) and starts an MCAP file in it.</summary>
    public static McapWriter Create(string path, McapWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        try
        {
            return new McapWriter(stream, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Registers a schema (the same one twice gives the same id); ids start at 1.</summary>
    public ushort AddSchema(string name, string encoding, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(encoding);
        foreach (var existing in _schemas.Values)
        {
            if (existing.Name == name && existing.Encoding == encoding && existing.Data.Span.SequenceEqual(data.Span))
            {
                return existing.Id;
            }
        }

        var id = checked((ushort)(_schemas.Count == 0 ? 1 : _schemas.Keys.Max() + 1));
        _schemas[id] = new McapSchema(id, name, encoding, data.ToArray());
        return id;
    }

    /// <summary>Registers a channel on a registered schema (0: none); the same one twice gives the same id.</summary>
    public ushort AddChannel(ushort schemaId, string topic, string messageEncoding, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(messageEncoding);
        if (schemaId != 0 && !_schemas.ContainsKey(schemaId))
        {
            throw new ArgumentException($"schema {schemaId} was not added to this writer", nameof(schemaId));
        }

        var id = checked((ushort)(_channels.Count == 0 ? 1 : _channels.Keys.Max() + 1));
        var channel = new McapChannel(id, schemaId, topic, messageEncoding, new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal));
        foreach (var existing in _channels.Values)
        {
            if (existing.SameAs(channel with { Id = existing.Id }))
            {
                return existing.Id;
            }
        }

        _channels[id] = channel;
        return id;
    }

    /// <summary>
    /// Appends one message to the current chunk. <paramref name="sequence"/> defaults to a per-channel counter
    /// (the recorder assigns it when the publisher did not). Closes the chunk when it is full or due.
    /// </summary>
    public void WriteMessage(ushort channelId, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data, uint? sequence = null)
    {
        Enter();
        if (!_channels.TryGetValue(channelId, out var channel))
        {
            Exit();
            // A caller's mistake, not a broken file: the writer stays usable and closes normally.
            throw new ArgumentException($"channel {channelId} was not added to this writer", nameof(channelId));
        }

        try
        {
            if (_chunkMessages > 0 && logTime >= _chunkStart && logTime - _chunkStart >= _intervalNs)
            {
                FinishChunk();
            }

            EnsureDeclared(channel, _chunk);
            var seq = sequence ?? NextSequence(channelId);
            AddToIndex(channelId, logTime, (ulong)_chunk.Length);
            _chunk.Message(channelId, seq, logTime, publishTime, data);
            Count(channelId, logTime);
            if (_chunk.Length >= _options.ChunkSize || _options.TimeProvider.GetElapsedTime(_chunkOpenedAt) >= _options.FlushInterval)
            {
                FinishChunk();
            }
        }
        catch
        {
            _failed = true;
            throw;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Closes and flushes the current chunk if it has been open for the flush interval on the writer's clock; the
    /// writer thread calls this when idle so a quiet stream is not held in memory. True when a chunk was written.
    /// </summary>
    public bool FlushIfDue()
    {
        Enter();
        try
        {
            if (_chunkMessages == 0 || _options.TimeProvider.GetElapsedTime(_chunkOpenedAt) < _options.FlushInterval)
            {
                return false;
            }

            FinishChunk();
            return true;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Closes the current chunk (if any) and flushes everything to disk.</summary>
    public void Flush()
    {
        Enter();
        try
        {
            FinishChunk();
            FlushToDisk();
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Writes an Attachment record (outside chunks, with its CRC) and flushes it.</summary>
    public void WriteAttachment(McapAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        Enter();
        try
        {
            var offset = _position;
            _scratch.Clear();
            _scratch.Attachment(attachment);
            Write(_scratch.Written);
            _attachmentIndexes.Add(new McapAttachmentIndex((ulong)offset, (ulong)(_position - offset), attachment.LogTime,
                attachment.CreateTime, (ulong)attachment.Data.Length, attachment.Name, attachment.MediaType));
            FlushToDisk();
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Writes a Metadata record and flushes it.</summary>
    public void WriteMetadata(McapMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Enter();
        try
        {
            var offset = _position;
            _scratch.Clear();
            _scratch.Metadata(metadata);
            Write(_scratch.Written);
            _metadataIndexes.Add(new McapMetadataIndex((ulong)offset, (ulong)(_position - offset), metadata.Name));
            FlushToDisk();
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Finishes the file: last chunk, Data End, summary, summary offsets, footer, magic; flushed to disk.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Enter();
        try
        {
            FinishChunk();
            foreach (var channel in _channels.Values.Where(c => !_channelsWritten.Contains(c.Id)).ToList())
            {
                // Registered but never used: still declared in the data section, as the summary repeats it.
                _scratch.Clear();
                EnsureDeclared(channel, _scratch);
                Write(_scratch.Written);
            }

            _scratch.Clear();
            _scratch.DataEnd(_crc.GetCurrentHashAsUInt32());
            Write(_scratch.Written);
            WriteSummary();
            FlushToDisk();
            _closed = true;
        }
        catch
        {
            _failed = true;
            throw;
        }
        finally
        {
            Exit();
        }

        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Closes the file; after a failed write it only releases the stream (what is on disk stays recoverable).</summary>
    public void Dispose()
    {
        if (!_failed)
        {
            Close();
        }

        _codec.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Registers a schema under the id an existing file gave it (recovery keeps ids).</summary>
    internal void DeclareSchema(McapSchema schema)
    {
        if (schema.Id == 0 || (_schemas.TryGetValue(schema.Id, out var existing) && !existing.SameAs(schema)))
        {
            throw new ArgumentException($"schema {schema.Id} conflicts with one already declared", nameof(schema));
        }

        _schemas[schema.Id] = schema;
    }

    /// <summary>Registers a channel under the id an existing file gave it.</summary>
    internal void DeclareChannel(McapChannel channel)
    {
        if ((_channels.TryGetValue(channel.Id, out var existing) && !existing.SameAs(channel))
            || (channel.SchemaId != 0 && !_schemas.ContainsKey(channel.SchemaId)))
        {
            throw new ArgumentException($"channel {channel.Id} conflicts with one already declared or has no schema", nameof(channel));
        }

        _channels[channel.Id] = channel;
    }

    /// <summary>
    /// Copies a complete chunk from another file verbatim (still compressed) and writes its message indexes, so
    /// recovery neither decompresses twice nor recompresses. <paramref name="records"/> are its decoded contents.
    /// </summary>
    internal void CopyChunk(McapChunk chunk, ReadOnlySpan<byte> compressedRecords, IReadOnlyList<McapChunkRecord> records)
    {
        Enter();
        try
        {
            FinishChunk();
            foreach (var (offset, record) in records)
            {
                switch (record)
                {
                    case McapSchema schema:
                        DeclareSchema(schema);
                        _schemasWritten.Add(schema.Id);
                        break;
                    case McapChannel channel:
                        DeclareChannel(channel);
                        _channelsWritten.Add(channel.Id);
                        break;
                    case McapMessage message:
                        AddToIndex(message.ChannelId, message.LogTime, (ulong)offset);
                        Count(message.ChannelId, message.LogTime);
                        break;
                }
            }

            _scratch.Clear();
            _scratch.ChunkHeader(chunk.MessageStartTime, chunk.MessageEndTime, chunk.UncompressedSize, chunk.UncompressedCrc, chunk.Compression, (ulong)compressedRecords.Length);
            var chunkStart = _position;
            Write(_scratch.Written);
            Write(compressedRecords);
            WriteMessageIndexes(chunkStart, chunk.MessageStartTime, chunk.MessageEndTime, chunk.Compression, (ulong)compressedRecords.Length, chunk.UncompressedSize);
        }
        finally
        {
            Exit();
        }
    }

    private void EnsureDeclared(McapChannel channel, RecordBuilder into)
    {
        if (_channelsWritten.Contains(channel.Id))
        {
            return;
        }

        if (channel.SchemaId != 0 && _schemasWritten.Add(channel.SchemaId))
        {
            into.Schema(_schemas[channel.SchemaId]);
        }

        into.Channel(channel);
        _channelsWritten.Add(channel.Id);
    }

    private uint NextSequence(ushort channelId)
    {
        _sequences.TryGetValue(channelId, out var next);
        _sequences[channelId] = unchecked(next + 1);
        return next;
    }

    private void AddToIndex(ushort channelId, ulong logTime, ulong offset)
    {
        if (!_chunkEntries.TryGetValue(channelId, out var entries))
        {
            entries = [];
            _chunkEntries[channelId] = entries;
            _chunkIndex.Add((channelId, entries));
        }

        entries.Add(new McapMessageIndexEntry(logTime, offset));
        if (_chunkMessages++ == 0)
        {
            _chunkStart = _chunkEnd = logTime;
            _chunkOpenedAt = _options.TimeProvider.GetTimestamp();
        }
        else
        {
            _chunkStart = Math.Min(_chunkStart, logTime);
            _chunkEnd = Math.Max(_chunkEnd, logTime);
        }
    }

    private void Count(ushort channelId, ulong logTime)
    {
        _messageStart = _messageCount == 0 ? logTime : Math.Min(_messageStart, logTime);
        _messageEnd = _messageCount == 0 ? logTime : Math.Max(_messageEnd, logTime);
        _messageCount++;
        _channelCounts[channelId] = _channelCounts.GetValueOrDefault(channelId) + 1;
    }

    private void FinishChunk()
    {
        if (_chunk.Length == 0)
        {
            return;
        }

        var records = _chunk.Written;
        var crc = Crc32.HashToUInt32(records);
        var compressed = _codec.Compress(_options.Compression, records);
        var chunkStart = _position;
        _scratch.Clear();
        _scratch.ChunkHeader(_chunkStart, _chunkEnd, (ulong)records.Length, crc, _compression, (ulong)compressed.Length);
        Write(_scratch.Written);
        Write(compressed);
        WriteMessageIndexes(chunkStart, _chunkStart, _chunkEnd, _compression, (ulong)compressed.Length, (ulong)records.Length);
        _chunk.Clear();
    }

    private void WriteMessageIndexes(long chunkStart, ulong start, ulong end, string compression, ulong compressedSize, ulong uncompressedSize)
    {
        var chunkLength = _position - chunkStart;
        var offsets = new Dictionary<ushort, ulong>();
        _scratch.Clear();
        foreach (var (channel, entries) in _chunkIndex)
        {
            offsets[channel] = (ulong)(_position + _scratch.Length);
            // Readers binary-search message indexes by time; chunks written out of order still index sorted.
            _scratch.MessageIndex(channel, IsSorted(entries) ? entries : [.. entries.OrderBy(e => e.LogTime)]);
        }

        Write(_scratch.Written);
        _chunkIndexes.Add(new McapChunkIndex(
            _chunkMessages == 0 ? 0 : start, _chunkMessages == 0 ? 0 : end, (ulong)chunkStart, (ulong)chunkLength, offsets,
            (ulong)_scratch.Length, compression, compressedSize, uncompressedSize));
        _flushedMessages += _chunkMessages;
        _chunkIndex.Clear();
        _chunkEntries.Clear();
        _chunkMessages = 0;
        FlushToDisk();
    }

    private static bool IsSorted(List<McapMessageIndexEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].LogTime < entries[i - 1].LogTime)
            {
                return false;
            }
        }

        return true;
    }

    private void WriteSummary()
    {
        var summaryStart = _position;
        _crc.Reset();
        var offsets = new List<McapSummaryOffset>();
        Group(McapOpcode.Schema, _schemas.Values.OrderBy(s => s.Id), (b, s) => b.Schema(s), offsets);
        Group(McapOpcode.Channel, _channels.Values.OrderBy(c => c.Id), (b, c) => b.Channel(c), offsets);
        var statistics = new McapStatistics(_messageCount, (ushort)_schemas.Count, (uint)_channels.Count, (uint)_attachmentIndexes.Count,
            (uint)_metadataIndexes.Count, (uint)_chunkIndexes.Count, _messageStart, _messageEnd,
            _channels.Keys.Order().ToDictionary(id => id, id => _channelCounts.GetValueOrDefault(id)));
        Group(McapOpcode.Statistics, [statistics], (b, s) => b.Statistics(s), offsets);
        Group(McapOpcode.ChunkIndex, _chunkIndexes, (b, c) => b.ChunkIndex(c), offsets);
        Group(McapOpcode.AttachmentIndex, _attachmentIndexes, (b, a) => b.AttachmentIndex(a), offsets);
        Group(McapOpcode.MetadataIndex, _metadataIndexes, (b, m) => b.MetadataIndex(m), offsets);

        var summaryOffsetStart = _position;
        _scratch.Clear();
        foreach (var offset in offsets)
        {
            _scratch.SummaryOffset(offset);
        }

        _scratch.FooterWithoutCrc((ulong)summaryStart, (ulong)summaryOffsetStart);
        Write(_scratch.Written);
        _scratch.Clear();
        _scratch.UInt32(_crc.GetCurrentHashAsUInt32());
        _scratch.Raw(McapMagic.Bytes);
        Write(_scratch.Written);
    }

    private void Group<T>(McapOpcode opcode, IEnumerable<T> records, Action<RecordBuilder, T> build, List<McapSummaryOffset> offsets)
    {
        _scratch.Clear();
        foreach (var record in records)
        {
            build(_scratch, record);
        }

        if (_scratch.Length > 0)
        {
            offsets.Add(new McapSummaryOffset(opcode, (ulong)_position, (ulong)_scratch.Length));
            Write(_scratch.Written);
        }
    }

    // Every byte goes through here: the data section CRC, then (after Reset) the summary CRC, count it.
    private void Write(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _crc.Append(bytes);
        _position += bytes.Length;
    }

    private void FlushToDisk()
    {
        if (_stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            _stream.Flush();
        }
    }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    private void Enter()
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("McapWriter is used from two threads at once; give it one writer thread");
        }

        if (_closed)
        {
            _busy = 0;
            throw new ObjectDisposedException(nameof(McapWriter), "the MCAP file is already closed");
        }
    }

    private void Exit() => Volatile.Write(ref _busy, 0);
}
