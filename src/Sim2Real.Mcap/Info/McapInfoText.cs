using System.Globalization;

namespace Sim2Real.Mcap.Info;

/// <summary>
/// <see cref="McapInfo"/> laid out as <c>ros2 bag info</c> prints a bag (rosbag2's own formatting of its metadata:
/// labels padded to one column, one line per topic), with chunks, attachments and metadata added.
/// </summary>
public static class McapInfoText
{
    private const string Indent = "                   ";

    public static void Write(McapInfo info, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(output);
        Line(output, "Files", Path.GetFileName(info.File));
        Line(output, "Bag size", Size(info.SizeBytes));
        Line(output, "Storage id", "mcap");
        Line(output, "Profile", $"{(info.Profile.Length == 0 ? "(none)" : info.Profile)}, written by {info.Library}");
        Line(output, "Duration", $"{Seconds(info.DurationNs)}s");
        Line(output, "Start", Stamp(info.StartNs));
        Line(output, "End", Stamp(info.EndNs));
        Line(output, "Messages", info.MessageCount.ToString(CultureInfo.InvariantCulture));
        var (compressed, uncompressed) = (info.CompressedBytes, info.UncompressedBytes);
        Line(output, "Chunks", info.ChunkCount == 0 ? "0" : string.Create(CultureInfo.InvariantCulture,
            $"{info.ChunkCount}, {string.Join("+", info.Compressions)}: {Size((long)uncompressed)} of records in {Size((long)compressed)} ({(compressed == 0 ? 1 : (double)uncompressed / compressed):0.0}x)"));
        Line(output, "Attachments", List(info.AttachmentCount, info.Attachments));
        Line(output, "Metadata", List(info.MetadataCount, info.MetadataNames));
        var first = true;
        foreach (var topic in info.Topics)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Topic: {topic.Topic} | Type: {topic.Type ?? "(no schema)"} | Count: {topic.Count} | Rate: {topic.RateText} | Serialization Format: {topic.MessageEncoding}");
            output.WriteLine(first ? $"Topic information: {text}" : Indent + text);
            first = false;
        }

        if (first)
        {
            Line(output, "Topic information", "");
        }
    }

    /// <summary>A byte count in B, KiB, MiB or GiB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GiB"),
    };

    private static string List(uint count, IReadOnlyList<string> names) => names.Count == 0
        ? count.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{count}: {string.Join(", ", names)}");

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"{(label + ":").PadRight(Indent.Length)}{value}".TrimEnd());

    private static string Seconds(ulong nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:000000000}");

    private static string Stamp(ulong nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{McapTime.ToDateTimeOffset(nanoseconds):MMM dd yyyy HH:mm:ss}.{nanoseconds % 1_000_000_000:000000000} UTC ({Seconds(nanoseconds)})");
}
