namespace Sim2Real.Mcap.Records;

/// <summary>One message's log time and its offset from the start of the uncompressed chunk data.</summary>
public readonly record struct McapMessageIndexEntry(ulong LogTime, ulong Offset);
