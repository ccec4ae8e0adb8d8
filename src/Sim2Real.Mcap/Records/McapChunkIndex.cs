namespace Sim2Real.Mcap.Records;

/// <summary>Chunk Index (0x08): where a chunk and its message indexes are, its time span, compression and sizes.</summary>
public sealed record McapChunkIndex(
    ulong MessageStartTime,
    ulong MessageEndTime,
    ulong ChunkStartOffset,
    ulong ChunkLength,
    IReadOnlyDictionary<ushort, ulong> MessageIndexOffsets,
    ulong MessageIndexLength,
    string Compression,
    ulong CompressedSize,
    ulong UncompressedSize) : McapRecord;
