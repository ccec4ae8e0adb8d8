namespace Sim2Real.Mcap.Records;

/// <summary>A record with an opcode this reader does not know (a newer format or an application extension): skipped, kept as bytes.</summary>
public sealed record McapUnknownRecord(byte Opcode, ReadOnlyMemory<byte> Content) : McapRecord;
