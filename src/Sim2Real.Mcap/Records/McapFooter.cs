namespace Sim2Real.Mcap.Records;

/// <summary>Footer (0x02): where the summary and summary offset sections start (0 when absent), and the summary CRC.</summary>
public sealed record McapFooter(ulong SummaryStart, ulong SummaryOffsetStart, uint SummaryCrc) : McapRecord;
