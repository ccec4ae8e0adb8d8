namespace Sim2Real.Mcap.Records;

/// <summary>Data End (0x0F): closes the data section, with the CRC of every byte before it (0: not computed).</summary>
public sealed record McapDataEnd(uint DataSectionCrc) : McapRecord;
