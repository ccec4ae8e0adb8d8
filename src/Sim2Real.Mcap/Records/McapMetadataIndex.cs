namespace Sim2Real.Mcap.Records;

/// <summary>Metadata Index (0x0D): where a metadata record is, and its name.</summary>
public sealed record McapMetadataIndex(ulong Offset, ulong Length, string Name) : McapRecord;
