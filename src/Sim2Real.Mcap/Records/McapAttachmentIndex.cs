namespace Sim2Real.Mcap.Records;

/// <summary>Attachment Index (0x0A): where an attachment record is, its times, size, name and media type.</summary>
public sealed record McapAttachmentIndex(ulong Offset, ulong Length, ulong LogTime, ulong CreateTime, ulong DataSize, string Name, string MediaType) : McapRecord;
