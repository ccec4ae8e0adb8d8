using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Format;

/// <summary>
/// Serializes MCAP records into a growing buffer: little-endian integers, uint32-prefixed strings, maps and
/// arrays, each record framed as opcode + uint64 content length. Reused across chunks (Clear keeps the memory).
/// </summary>
internal sealed class RecordBuilder(int initialCapacity = 4096)
{
    private byte[] _buffer = new byte[Math.Max(initialCapacity, 64)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Header(McapHeader header)
    {
        var start = Begin(McapOpcode.Header);
        String(header.Profile);
        String(header.Library);
        End(start);
    }

    public void Schema(McapSchema schema)
    {
        var start = Begin(McapOpcode.Schema);
        UInt16(schema.Id);
        String(schema.Name);
        String(schema.Encoding);
        UInt32(checked((uint)schema.Data.Length));
        Raw(schema.Data.Span);
        End(start);
    }

    public void Channel(McapChannel channel)
    {
        var start = Begin(McapOpcode.Channel);
        UInt16(channel.Id);
        UInt16(channel.SchemaId);
        String(channel.Topic);
        String(channel.MessageEncoding);
        StringMap(channel.Metadata);
        End(start);
    }

    public void Message(ushort channelId, uint sequence, ulong logTime, ulong publishTime, ReadOnlySpan<byte> data)
    {
        UInt8((byte)McapOpcode.Message);
        UInt64((ulong)(2 + 4 + 8 + 8 + data.Length));
        UInt16(channelId);
        UInt32(sequence);
        UInt64(logTime);
        UInt64(publishTime);
        Raw(data);
    }

    public void MessageIndex(ushort channelId, IReadOnlyList<McapMessageIndexEntry> entries)
    {
        var start = Begin(McapOpcode.MessageIndex);
        UInt16(channelId);
        UInt32(checked((uint)(entries.Count * 16)));
        foreach (var entry in entries)
        {
            UInt64(entry.LogTime);
            UInt64(entry.Offset);
        }

        End(start);
    }

    public void ChunkIndex(McapChunkIndex index)
    {
        var start = Begin(McapOpcode.ChunkIndex);
        UInt64(index.MessageStartTime);
        UInt64(index.MessageEndTime);
        UInt64(index.ChunkStartOffset);
        UInt64(index.ChunkLength);
        UInt32(checked((uint)(index.MessageIndexOffsets.Count * 10)));
        foreach (var (channel, offset) in index.MessageIndexOffsets)
        {
            UInt16(channel);
            UInt64(offset);
        }

        UInt64(index.MessageIndexLength);
        String(index.Compression);
        UInt64(index.CompressedSize);
        UInt64(index.UncompressedSize);
        End(start);
    }

    public void Attachment(McapAttachment attachment)
    {
        var start = Begin(McapOpcode.Attachment);
        var fields = Length;
        UInt64(attachment.LogTime);
        UInt64(attachment.CreateTime);
        String(attachment.Name);
        String(attachment.MediaType);
        UInt64((ulong)attachment.Data.Length);
        Raw(attachment.Data.Span);
        // The CRC covers every field before it, not the opcode and length.
        UInt32(Crc32.HashToUInt32(_buffer.AsSpan(fields, Length - fields)));
        End(start);
    }

    public void AttachmentIndex(McapAttachmentIndex index)
    {
        var start = Begin(McapOpcode.AttachmentIndex);
        UInt64(index.Offset);
        UInt64(index.Length);
        UInt64(index.LogTime);
        UInt64(index.CreateTime);
        UInt64(index.DataSize);
        String(index.Name);
        String(index.MediaType);
        End(start);
    }

    public void Statistics(McapStatistics statistics)
    {
        var start = Begin(McapOpcode.Statistics);
        UInt64(statistics.MessageCount);
        UInt16(statistics.SchemaCount);
        UInt32(statistics.ChannelCount);
        UInt32(statistics.AttachmentCount);
        UInt32(statistics.MetadataCount);
        UInt32(statistics.ChunkCount);
        UInt64(statistics.MessageStartTime);
        UInt64(statistics.MessageEndTime);
        UInt32(checked((uint)(statistics.ChannelMessageCounts.Count * 10)));
        foreach (var (channel, count) in statistics.ChannelMessageCounts)
        {
            UInt16(channel);
            UInt64(count);
        }

        End(start);
    }

    public void Metadata(McapMetadata metadata)
    {
        var start = Begin(McapOpcode.Metadata);
        String(metadata.Name);
        StringMap(metadata.Values);
        End(start);
    }

    public void MetadataIndex(McapMetadataIndex index)
    {
        var start = Begin(McapOpcode.MetadataIndex);
        UInt64(index.Offset);
        UInt64(index.Length);
        String(index.Name);
        End(start);
    }

    public void SummaryOffset(McapSummaryOffset offset)
    {
        var start = Begin(McapOpcode.SummaryOffset);
        UInt8((byte)offset.GroupOpcode);
        UInt64(offset.GroupStart);
        UInt64(offset.GroupLength);
        End(start);
    }

    public void DataEnd(uint dataSectionCrc)
    {
        var start = Begin(McapOpcode.DataEnd);
        UInt32(dataSectionCrc);
        End(start);
    }

    /// <summary>The Chunk record up to (not including) its records bytes, which the caller writes after it.</summary>
    public void ChunkHeader(ulong startTime, ulong endTime, ulong uncompressedSize, uint crc, string compression, ulong compressedSize)
    {
        var compressionBytes = Encoding.UTF8.GetByteCount(compression);
        UInt8((byte)McapOpcode.Chunk);
        UInt64(checked((ulong)(8 + 8 + 8 + 4 + 4 + compressionBytes + 8) + compressedSize));
        UInt64(startTime);
        UInt64(endTime);
        UInt64(uncompressedSize);
        UInt32(crc);
        String(compression);
        UInt64(compressedSize);
    }

    /// <summary>The Footer record before its CRC field (the summary CRC covers these bytes too).</summary>
    public void FooterWithoutCrc(ulong summaryStart, ulong summaryOffsetStart)
    {
        UInt8((byte)McapOpcode.Footer);
        UInt64(8 + 8 + 4);
        UInt64(summaryStart);
        UInt64(summaryOffsetStart);
    }

    public void UInt8(byte value) => Reserve(1)[0] = value;

    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void Raw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        UInt32(checked((uint)length));
        Encoding.UTF8.GetBytes(value, Reserve(length));
    }

    private void StringMap(IReadOnlyDictionary<string, string> map)
    {
        var lengthAt = Length;
        UInt32(0);
        foreach (var (key, value) in map)
        {
            String(key);
            String(value);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(lengthAt), checked((uint)(Length - lengthAt - 4)));
    }

    private int Begin(McapOpcode opcode)
    {
        UInt8((byte)opcode);
        var start = Length;
        UInt64(0);
        return start;
    }

    private void End(int lengthAt) =>
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(lengthAt), (ulong)(Length - lengthAt - 8));

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            var grown = new byte[Math.Max(checked(Length + count), checked(_buffer.Length * 2))];
            _buffer.AsSpan(0, Length).CopyTo(grown);
            _buffer = grown;
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
