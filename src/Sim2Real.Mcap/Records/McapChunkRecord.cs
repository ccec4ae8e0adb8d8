namespace Sim2Real.Mcap.Records;

/// <summary>A record inside a chunk and its offset from the start of the uncompressed chunk data.</summary>
public readonly record struct McapChunkRecord(long Offset, McapRecord Record);
