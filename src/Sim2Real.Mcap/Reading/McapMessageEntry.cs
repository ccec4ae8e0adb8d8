using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Reading;

/// <summary>
/// A message read through the index, with its channel and schema, and where it lies: the Chunk record's offset in
/// the file and the message's offset in the uncompressed chunk.
/// </summary>
public sealed record McapMessageEntry(McapMessage Message, McapChannel Channel, McapSchema? Schema, long ChunkOffset, long OffsetInChunk);
