using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Info;

/// <summary>
/// What <c>ros2 bag info</c> tells of a log, read from its summary section alone (no chunk is decompressed): size,
/// profile, time span, message and chunk counts, compression, attachments, metadata, and each topic's count and rate.
/// </summary>
public sealed record McapInfo
{
    public required string File { get; init; }

    public required long SizeBytes { get; init; }

    /// <summary>The Header's profile, e.g. <c>ros2</c>; empty when none.</summary>
    public required string Profile { get; init; }

    /// <summary>The Header's library, the writer that made the file.</summary>
    public required string Library { get; init; }

    /// <summary>Log time of the first and last message, nanoseconds since the Unix epoch.</summary>
    public required ulong StartNs { get; init; }

    public required ulong EndNs { get; init; }

    public ulong DurationNs => EndNs - StartNs;

    public required ulong MessageCount { get; init; }

    public required uint ChunkCount { get; init; }

    /// <summary>The chunks' compressions as tools print them (<c>zstd</c>, <c>lz4</c>, <c>none</c>), each once.</summary>
    public required IReadOnlyList<string> Compressions { get; init; }

    public required ulong CompressedBytes { get; init; }

    public required ulong UncompressedBytes { get; init; }

    public required uint AttachmentCount { get; init; }

    /// <summary>Indexed attachments as <c>name [media type, size]</c>.</summary>
    public required IReadOnlyList<string> Attachments { get; init; }

    public required uint MetadataCount { get; init; }

    public required IReadOnlyList<string> MetadataNames { get; init; }

    /// <summary>One per channel, ordered by topic name.</summary>
    public required IReadOnlyList<McapTopicInfo> Topics { get; init; }

    /// <summary>Reads the summary of an open log.</summary>
    /// <exception cref="McapFormatException">The log has no Statistics record (a log cut short: <c>log recover</c> writes one).</exception>
    public static McapInfo Read(McapReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stats = reader.Statistics
            ?? throw new McapFormatException(reader.File, (long)reader.Footer.SummaryStart, "summary", "no Statistics record, so counts are unknown (`log recover` writes one)");
        var spans = ChannelSpans(reader);
        return new McapInfo
        {
            File = reader.File,
            SizeBytes = reader.Length,
            Profile = reader.Header.Profile,
            Library = reader.Header.Library,
            StartNs = stats.MessageStartTime,
            EndNs = stats.MessageEndTime,
            MessageCount = stats.MessageCount,
            ChunkCount = stats.ChunkCount,
            Compressions = [.. reader.ChunkIndexes.Select(c => McapCompressionNames.Display(c.Compression)).Distinct()],
            CompressedBytes = reader.ChunkIndexes.Aggregate(0UL, (sum, c) => sum + c.CompressedSize),
            UncompressedBytes = reader.ChunkIndexes.Aggregate(0UL, (sum, c) => sum + c.UncompressedSize),
            AttachmentCount = stats.AttachmentCount,
            Attachments = [.. reader.AttachmentIndexes.Select(a => $"{a.Name} [{a.MediaType}, {McapInfoText.Size((long)a.DataSize)}]")],
            MetadataCount = stats.MetadataCount,
            MetadataNames = [.. reader.MetadataIndexes.Select(m => m.Name)],
            Topics = [.. reader.Channels.Values.OrderBy(c => c.Topic, StringComparer.Ordinal).Select(channel =>
            {
                var span = spans.GetValueOrDefault(channel.Id);
                return new McapTopicInfo(
                    channel.Topic,
                    reader.Schemas.TryGetValue(channel.SchemaId, out var schema) ? schema.Name : null,
                    stats.ChannelMessageCounts.GetValueOrDefault(channel.Id),
                    span.First,
                    span.Last,
                    channel.MessageEncoding);
            })],
        };
    }

    /// <summary>First and last log time per channel, from the message indexes (no chunk is decompressed).</summary>
    public static IReadOnlyDictionary<ushort, (ulong First, ulong Last)> ChannelSpans(McapReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var spans = new Dictionary<ushort, (ulong First, ulong Last)>();
        foreach (var chunk in reader.ChunkIndexes.Where(c => c.MessageIndexLength > 0))
        {
            foreach (var index in reader.ReadMessageIndexes(chunk))
            {
                foreach (var entry in index.Entries)
                {
                    spans[index.ChannelId] = spans.TryGetValue(index.ChannelId, out var span)
                        ? (Math.Min(span.First, entry.LogTime), Math.Max(span.Last, entry.LogTime))
                        : (entry.LogTime, entry.LogTime);
                }
            }
        }

        return spans;
    }
}
