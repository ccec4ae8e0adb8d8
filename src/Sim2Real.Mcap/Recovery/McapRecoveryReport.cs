using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Recovery;

/// <summary>
/// What <see cref="McapRecovery"/> rebuilt and what it could not: counts of recovered records, and the chunks,
/// messages (null when a lost chunk's count cannot be known), attachments, metadata and bytes lost.
/// </summary>
public sealed record McapRecoveryReport(
    long Messages,
    int Chunks,
    int Channels,
    int Schemas,
    int Attachments,
    int Metadata,
    int LostChunks,
    long? LostMessages,
    int LostAttachments,
    int LostMetadata,
    long LostBytes,
    McapReadEnd End,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when any chunk, message, attachment or metadata record did not make it into the output.</summary>
    public bool LostData => LostChunks > 0 || LostMessages is null or > 0 || LostAttachments > 0 || LostMetadata > 0;
}
