namespace Sim2Real.Mcap.Records;

/// <summary>Message Index (0x07): for one channel of the chunk before it, each message's log time and offset in the uncompressed chunk.</summary>
public sealed record McapMessageIndex(ushort ChannelId, IReadOnlyList<McapMessageIndexEntry> Entries) : McapRecord;
