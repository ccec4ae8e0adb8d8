namespace Sim2Real.Mcap.Format;

/// <summary>A Chunk record's fields and its still-compressed records.</summary>
internal readonly record struct ChunkHeader(
    ulong MessageStartTime,
    ulong MessageEndTime,
    ulong UncompressedSize,
    uint UncompressedCrc,
    string Compression,
    ReadOnlyMemory<byte> CompressedRecords)
{
    public static ChunkHeader Decode(ReadOnlyMemory<byte> content, string file, long offset)
    {
        var p = new RecordParser(content, file, offset, (byte)McapOpcode.Chunk);
        return new ChunkHeader(
            p.UInt64("message_start_time"), p.UInt64("message_end_time"), p.UInt64("uncompressed_size"),
            p.UInt32("uncompressed_crc"), p.String("compression"), p.Bytes64("records"));
    }
}
