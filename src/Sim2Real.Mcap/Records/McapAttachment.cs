namespace Sim2Real.Mcap.Records;

/// <summary>Attachment (0x09): a named file carried in the log (deployment description, robot spec, policy info).</summary>
public sealed record McapAttachment(ulong LogTime, ulong CreateTime, string Name, string MediaType, ReadOnlyMemory<byte> Data) : McapRecord;
