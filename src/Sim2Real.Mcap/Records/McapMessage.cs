namespace Sim2Real.Mcap.Records;

/// <summary>Message (0x05): one serialized message on a channel, with its log and publish times (ns).</summary>
public sealed record McapMessage(ushort ChannelId, uint Sequence, ulong LogTime, ulong PublishTime, ReadOnlyMemory<byte> Data) : McapRecord;
