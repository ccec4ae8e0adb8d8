using Sim2Real.Mcap.Format;

namespace Sim2Real.Mcap.Records;

/// <summary>Summary Offset (0x0E): where the summary records of one opcode lie.</summary>
public sealed record McapSummaryOffset(McapOpcode GroupOpcode, ulong GroupStart, ulong GroupLength) : McapRecord;
