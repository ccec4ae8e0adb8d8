namespace Sim2Real.Mcap.Records;

/// <summary>
/// Chunk (0x06), as a linear read presents it: its fields, where it lies in the file, and the Schema, Channel and
/// Message records it holds (decompressed and CRC-checked).
/// </summary>
public sealed record McapChunk(
    ulong MessageStartTime,
    ulong MessageEndTime,
    ulong UncompressedSize,
    uint UncompressedCrc,
    string Compression,
    ulong CompressedSize,
    long Offset,
    long Length,
    IReadOnlyList<McapChunkRecord> Records) : McapRecord;
