namespace Sim2Real.Mcap.Records;

/// <summary>
/// A record a recovering linear read could not use (a chunk with a bad CRC or unknown compression, an attachment
/// with a bad CRC) and skipped: where it is, what it was and why.
/// </summary>
public sealed record McapSkippedRecord(byte Opcode, long Offset, long Length, string Problem) : McapRecord;
