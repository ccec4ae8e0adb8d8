using System.Buffers.Binary;
using System.IO.Hashing;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Reading;

/// <summary>
/// Reads an MCAP file through its summary, as an indexed reader does: the Footer at the end points to the
/// summary (Schemas, Channels, Statistics, Chunk/Attachment/Metadata Indexes, CRC-checked); messages are found by
/// chunk index and message index and come back in log-time order. For a file without a summary (a writer that
/// did not close it), read it linearly (<see cref="ReadLinear"/>) or recover it first.
/// </summary>
public sealed class McapReader : IDisposable
{
    private const int FooterRecordLength = 1 + 8 + 20;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ChunkCodec _codec = new();
    private readonly Dictionary<ushort, McapSchema> _schemas = [];
    private readonly Dictionary<ushort, McapChannel> _channels = [];
    private readonly Dictionary<ushort, long> _schemaOffsets = [];
    private readonly Dictionary<ushort, long> _channelOffsets = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly List<McapAttachmentIndex> _attachmentIndexes = [];
    private readonly List<McapMetadataIndex> _metadataIndexes = [];

    public McapReader(Stream stream, string file, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("an indexed read needs a seekable stream", nameof(stream));
        }

        _stream = stream;
        File = file;
        _leaveOpen = leaveOpen;
        try
        {
            Length = stream.Length;
            Header = ReadHeader();
            Footer = ReadFooter();
            ReadSummary();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string File { get; }

    /// <summary>File size in bytes.</summary>
    public long Length { get; }

    public McapHeader Header { get; }

    public McapFooter Footer { get; }

    public IReadOnlyDictionary<ushort, McapSchema> Schemas => _schemas;

    public IReadOnlyDictionary<ushort, McapChannel> Channels => _channels;

    /// <summary>The Statistics record; null when the writer left it out.</summary>
    public McapStatistics? Statistics { get; private set; }

    public IReadOnlyList<McapChunkIndex> ChunkIndexes => _chunkIndexes;

    public IReadOnlyList<McapAttachmentIndex> AttachmentIndexes => _attachmentIndexes;

    public IReadOnlyList<McapMetadataIndex> MetadataIndexes => _metadataIndexes;

    /// <summary>Opens <paramref name="path"/> and reads its summary.</summary>
    public static McapReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new McapReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16), path);
    }

    /// <summary>A linear (streaming) read of <paramref name="path"/>, which also works on truncated files.</summary>
    public static McapLinearReader ReadLinear(string path, bool recover = false) => McapLinearReader.Open(path, recover);

    /// <summary>The ids of the channels that carry <paramref name="topic"/> (one per recorded publisher type and QoS).</summary>
    /// <exception cref="Core.InvalidConfigException">No channel does; the message names the topics the log has.</exception>
    public IReadOnlySet<ushort> ChannelIdsOf(string topic)
    {
        var ids = _channels.Values.Where(c => c.Topic == topic).Select(c => c.Id).ToHashSet();
        return ids.Count > 0 ? ids : throw new Core.InvalidConfigException(File, topic,
            $"no such topic in this log; it has {string.Join(", ", _channels.Values.Select(c => c.Topic).Distinct().Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// Messages in log-time order (ties in file order), found through the chunk and message indexes; only
    /// the channels <paramref name="channelIds"/> names when given.
    /// </summary>
    public IEnumerable<McapMessageEntry> ReadMessages(IReadOnlySet<ushort>? channelIds = null)
    {
        var chunks = _chunkIndexes
            .Where(c => channelIds is null || c.MessageIndexOffsets.Count == 0 || c.MessageIndexOffsets.Keys.Any(channelIds.Contains))
            .OrderBy(c => c.MessageStartTime).ThenBy(c => c.ChunkStartOffset).ToList();
        var pending = new PriorityQueue<McapMessageEntry, (ulong LogTime, int Chunk, long Offset)>();
        var next = 0;
        while (true)
        {
            // A chunk can hold messages earlier than what is pending only if it starts before them.
            while (next < chunks.Count && (pending.Count == 0 || (pending.TryPeek(out _, out var head) && chunks[next].MessageStartTime <= head.LogTime)))
            {
                foreach (var entry in LoadChunk(chunks[next], channelIds))
                {
                    pending.Enqueue(entry, (entry.Message.LogTime, next, entry.OffsetInChunk));
                }

                next++;
            }

            if (!pending.TryDequeue(out var message, out _))
            {
                yield break;
            }

            yield return message;
        }
    }

    /// <summary>The Message Index records after a chunk (one per channel with messages in it).</summary>
    public IReadOnlyList<McapMessageIndex> ReadMessageIndexes(McapChunkIndex chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var start = checked((long)(chunk.ChunkStartOffset + chunk.ChunkLength));
        var bytes = ReadAt(start, checked((long)chunk.MessageIndexLength), McapOpcodeNames.Of(McapOpcode.MessageIndex));
        var indexes = new List<McapMessageIndex>();
        foreach (var (offset, record) in Records(bytes, start))
        {
            indexes.Add(record as McapMessageIndex
                ?? throw new McapFormatException(File, offset, McapOpcodeNames.Of(McapOpcode.MessageIndex), $"the chunk index points to a {record.GetType().Name} here, not a Message Index"));
        }

        return indexes;
    }

    public McapAttachment ReadAttachment(McapAttachmentIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return (McapAttachment)ReadRecordAt((long)index.Offset, (long)index.Length, McapOpcode.Attachment);
    }

    public McapMetadata ReadMetadata(McapMetadataIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return (McapMetadata)ReadRecordAt((long)index.Offset, (long)index.Length, McapOpcode.Metadata);
    }

    public void Dispose()
    {
        _codec.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Where the summary's copy of a schema lies (for error messages).</summary>
    internal long SchemaOffset(ushort id) => _schemaOffsets.GetValueOrDefault(id);

    internal long ChannelOffset(ushort id) => _channelOffsets.GetValueOrDefault(id);

    private List<McapMessageEntry> LoadChunk(McapChunkIndex index, IReadOnlySet<ushort>? channelIds)
    {
        var offset = checked((long)index.ChunkStartOffset);
        var content = ReadAt(offset, checked((long)index.ChunkLength), McapOpcodeNames.Of(McapOpcode.Chunk));
        if (content.Length < 9 || content[0] != (byte)McapOpcode.Chunk)
        {
            throw new McapFormatException(File, offset, McapOpcodeNames.Of(content.Length > 0 ? content[0] : (byte)0), "the chunk index points here, but this is not a Chunk record");
        }

        var header = ChunkHeader.Decode(content.AsMemory(9), File, offset);
        var data = ChunkReader.Decompress(header, File, offset, _codec);
        var entries = new List<McapMessageEntry>();
        if (index.MessageIndexOffsets.Count == 0)
        {
            foreach (var (position, record) in ChunkReader.Split(data, File, offset))
            {
                if (record is McapMessage message && (channelIds is null || channelIds.Contains(message.ChannelId)))
                {
                    entries.Add(Entry(message, offset, position));
                }
            }

            return entries;
        }

        foreach (var messageIndex in ReadMessageIndexes(index))
        {
            if (channelIds is not null && !channelIds.Contains(messageIndex.ChannelId))
            {
                continue;
            }

            foreach (var item in messageIndex.Entries)
            {
                var position = item.Offset < (ulong)data.Length ? (int)item.Offset
                    : throw new McapFormatException(File, offset, McapOpcodeNames.Of(McapOpcode.MessageIndex),
                        $"channel {messageIndex.ChannelId}: offset {item.Offset} is past the chunk's {data.Length} bytes");
                if (ChunkReader.RecordAt(data, position, File, offset, out _) is not McapMessage message || message.ChannelId != messageIndex.ChannelId)
                {
                    throw new McapFormatException(File, offset, McapOpcodeNames.Of(McapOpcode.MessageIndex),
                        $"channel {messageIndex.ChannelId}: offset {item.Offset} is not a message on that channel");
                }

                entries.Add(Entry(message, offset, position));
            }
        }

        return entries;
    }

    private McapMessageEntry Entry(McapMessage message, long chunkOffset, long position)
    {
        var channel = _channels.GetValueOrDefault(message.ChannelId)
            ?? throw new McapFormatException(File, chunkOffset, McapOpcodeNames.Of(McapOpcode.Message),
                $"message at uncompressed offset {position} is on channel {message.ChannelId}, which the summary does not declare");
        return new McapMessageEntry(message, channel, channel.SchemaId == 0 ? null : _schemas.GetValueOrDefault(channel.SchemaId), chunkOffset, position);
    }

    private McapHeader ReadHeader()
    {
        var start = ReadAt(0, Math.Min(Length, McapMagic.Length), "magic");
        if (start.Length < McapMagic.Length || !start.AsSpan().SequenceEqual(McapMagic.Bytes))
        {
            throw McapLinearReader.NotMcap(File, start);
        }

        var header = ReadAt(McapMagic.Length, Math.Min(9, Length - McapMagic.Length), McapOpcodeNames.Of(McapOpcode.Header));
        if (header.Length < 9 || header[0] != (byte)McapOpcode.Header)
        {
            throw new McapFormatException(File, McapMagic.Length, McapOpcodeNames.Of(header.Length > 0 ? header[0] : (byte)McapOpcode.Header),
                header.Length < 9 ? "the file ends inside the Header record (truncated record)" : "the first record is not the Header (0x01)");
        }

        var length = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(1));
        return (McapHeader)ReadRecordAt(McapMagic.Length, checked(9 + (long)Math.Min(length, (ulong)Length)), McapOpcode.Header);
    }

    private McapFooter ReadFooter()
    {
        var footerOffset = Length - McapMagic.Length - FooterRecordLength;
        var end = ReadAt(Math.Max(Length - McapMagic.Length, 0), Math.Min(McapMagic.Length, Length), "magic");
        if (footerOffset < McapMagic.Length || !end.AsSpan().SequenceEqual(McapMagic.Bytes))
        {
            throw new McapFormatException(File, Math.Max(Length - McapMagic.Length, 0), "magic",
                "the file does not end with the MCAP magic: truncated, or its writer never closed it (`./sim2real log recover` rebuilds it)");
        }

        var footer = ReadAt(footerOffset, FooterRecordLength, McapOpcodeNames.Of(McapOpcode.Footer));
        if (footer[0] != (byte)McapOpcode.Footer || BinaryPrimitives.ReadUInt64LittleEndian(footer.AsSpan(1)) != 20)
        {
            throw new McapFormatException(File, footerOffset, McapOpcodeNames.Of(McapOpcode.Footer), "no Footer record before the closing magic");
        }

        return (McapFooter)RecordDecoder.Decode(footer[0], footer.AsMemory(9), File, footerOffset);
    }

    private void ReadSummary()
    {
        var footerOffset = Length - McapMagic.Length - FooterRecordLength;
        var footerName = McapOpcodeNames.Of(McapOpcode.Footer);
        if (Footer.SummaryStart == 0)
        {
            throw new McapFormatException(File, footerOffset, footerName, "the file has no summary section, so it cannot be read by index (`./sim2real log recover` adds one)");
        }

        if (Footer.SummaryStart < McapMagic.Length || Footer.SummaryStart > (ulong)footerOffset)
        {
            throw new McapFormatException(File, footerOffset, footerName, $"summary_start {Footer.SummaryStart} is outside the file");
        }

        var start = (long)Footer.SummaryStart;
        var summary = ReadAt(start, footerOffset - start, "summary");
        if (Footer.SummaryCrc != 0)
        {
            var crc = new Crc32();
            crc.Append(summary);
            crc.Append(ReadAt(footerOffset, 1 + 8 + 16, footerName));
            var actual = crc.GetCurrentHashAsUInt32();
            if (actual != Footer.SummaryCrc)
            {
                throw new McapFormatException(File, footerOffset, footerName, $"bad CRC: summary_crc is 0x{Footer.SummaryCrc:x8}, the summary gives 0x{actual:x8}");
            }
        }

        var summaryOffsetStart = Footer.SummaryOffsetStart == 0 ? footerOffset : (long)Footer.SummaryOffsetStart;
        foreach (var (offset, record) in Records(summary, start))
        {
            if (offset >= summaryOffsetStart && record is not McapSummaryOffset)
            {
                continue;
            }

            switch (record)
            {
                case McapSchema schema:
                    _schemas[schema.Id] = schema;
                    _schemaOffsets[schema.Id] = offset;
                    break;
                case McapChannel channel:
                    _channels[channel.Id] = channel;
                    _channelOffsets[channel.Id] = offset;
                    break;
                case McapChunkIndex chunk:
                    _chunkIndexes.Add(chunk);
                    break;
                case McapAttachmentIndex attachment:
                    _attachmentIndexes.Add(attachment);
                    break;
                case McapMetadataIndex metadata:
                    _metadataIndexes.Add(metadata);
                    break;
                case McapStatistics statistics:
                    Statistics = statistics;
                    break;
            }
        }

        foreach (var channel in _channels.Values)
        {
            if (channel.SchemaId != 0 && !_schemas.ContainsKey(channel.SchemaId))
            {
                throw new McapFormatException(File, _channelOffsets[channel.Id], McapOpcodeNames.Of(McapOpcode.Channel),
                    $"channel {channel.Id} ({channel.Topic}) uses schema {channel.SchemaId}, which the summary does not hold");
            }
        }
    }

    private IEnumerable<(long Offset, McapRecord Record)> Records(byte[] bytes, long baseOffset)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            var offset = baseOffset + position;
            if (bytes.Length - position < 9)
            {
                throw new McapFormatException(File, offset, McapOpcodeNames.Of(bytes[position]), "record header cut off (truncated record)");
            }

            var opcode = bytes[position];
            var length = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(position + 1));
            if (length > (ulong)(bytes.Length - position - 9))
            {
                throw new McapFormatException(File, offset, McapOpcodeNames.Of(opcode), $"declares {length} bytes, the section has {bytes.Length - position - 9} left (truncated record)");
            }

            yield return (offset, RecordDecoder.Decode(opcode, bytes.AsMemory(position + 9, (int)length), File, offset));
            position += 9 + (int)length;
        }
    }

    private McapRecord ReadRecordAt(long offset, long length, McapOpcode expected)
    {
        var bytes = ReadAt(offset, length, McapOpcodeNames.Of(expected));
        if (bytes.Length < 9 || bytes[0] != (byte)expected)
        {
            throw new McapFormatException(File, offset, McapOpcodeNames.Of(expected), $"the index points here, but this is not a {expected} record");
        }

        var contentLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1));
        if (contentLength != (ulong)(bytes.Length - 9))
        {
            throw new McapFormatException(File, offset, McapOpcodeNames.Of(expected), $"declares {contentLength} bytes, the index says {bytes.Length - 9} (truncated record)");
        }

        return RecordDecoder.Decode(bytes[0], bytes.AsMemory(9), File, offset);
    }

    private byte[] ReadAt(long offset, long length, string record)
    {
        if (offset < 0 || length < 0 || offset + length > Length || length > Array.MaxLength)
        {
            throw new McapFormatException(File, offset, record, $"{length} bytes at offset {offset} run past the end of the {Length}-byte file (truncated record)");
        }

        var bytes = new byte[length];
        _stream.Position = offset;
        _stream.ReadExactly(bytes);
        return bytes;
    }
}
