namespace Sim2Real.Mcap.Records;

/// <summary>Statistics (0x0B): counts of everything in the file, the message time span and messages per channel.</summary>
public sealed record McapStatistics(
    ulong MessageCount,
    ushort SchemaCount,
    uint ChannelCount,
    uint AttachmentCount,
    uint MetadataCount,
    uint ChunkCount,
    ulong MessageStartTime,
    ulong MessageEndTime,
    IReadOnlyDictionary<ushort, ulong> ChannelMessageCounts) : McapRecord;
