using System.CommandLine;
using System.Globalization;
using Sim2Real.Mcap;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log info FILE</c>: what <c>ros2 bag info</c> prints, plus rates, compression, chunks, attachments and metadata.</summary>
internal static class LogInfo
{
    private const string Indent = "                   ";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The .mcap log" };
        var command = new Command("info", "Duration, start and end, topics with types, counts and rates, size, compression and chunks of an MCAP log (like `ros2 bag info`).");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var reader = McapReader.Open(parse.GetValue(file)!);
            Print(reader, output);
            return 0;
        });
        return command;
    }

    public static void Print(McapReader reader, TextWriter output)
    {
        var stats = reader.Statistics
            ?? throw new McapFormatException(reader.File, (long)reader.Footer.SummaryStart, "summary", "no Statistics record, so counts are unknown (`log recover` writes one)");
        var duration = stats.MessageEndTime - stats.MessageStartTime;
        var spans = ChannelSpans(reader);
        var compressed = reader.ChunkIndexes.Aggregate(0UL, (sum, c) => sum + c.CompressedSize);
        var uncompressed = reader.ChunkIndexes.Aggregate(0UL, (sum, c) => sum + c.UncompressedSize);
        var compressions = reader.ChunkIndexes.Select(c => McapCompressionNames.Display(c.Compression)).Distinct().ToList();

        Line(output, "Files", Path.GetFileName(reader.File));
        Line(output, "Bag size", Size(reader.Length));
        Line(output, "Storage id", "mcap");
        Line(output, "Profile", $"{(reader.Header.Profile.Length == 0 ? "(none)" : reader.Header.Profile)}, written by {reader.Header.Library}");
        Line(output, "Duration", $"{Seconds(duration)}s");
        Line(output, "Start", Stamp(stats.MessageStartTime));
        Line(output, "End", Stamp(stats.MessageEndTime));
        Line(output, "Messages", stats.MessageCount.ToString(CultureInfo.InvariantCulture));
        Line(output, "Chunks", stats.ChunkCount == 0 ? "0" : string.Create(CultureInfo.InvariantCulture,
            $"{stats.ChunkCount}, {string.Join("+", compressions)}: {Size((long)uncompressed)} of records in {Size((long)compressed)} ({(compressed == 0 ? 1 : (double)uncompressed / compressed):0.0}x)"));
        Line(output, "Attachments", List(stats.AttachmentCount, reader.AttachmentIndexes.Select(a => $"{a.Name} [{a.MediaType}, {Size((long)a.DataSize)}]")));
        Line(output, "Metadata", List(stats.MetadataCount, reader.MetadataIndexes.Select(m => m.Name)));
        var first = true;
        foreach (var channel in reader.Channels.Values.OrderBy(c => c.Topic, StringComparer.Ordinal))
        {
            var count = stats.ChannelMessageCounts.GetValueOrDefault(channel.Id);
            var type = reader.Schemas.TryGetValue(channel.SchemaId, out var schema) ? schema.Name : "(no schema)";
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Topic: {channel.Topic} | Type: {type} | Count: {count} | Rate: {Rate(count, spans.GetValueOrDefault(channel.Id))} | Serialization Format: {channel.MessageEncoding}");
            output.WriteLine(first ? $"Topic information: {text}" : Indent + text);
            first = false;
        }

        if (first)
        {
            Line(output, "Topic information", "");
        }
    }

    // First and last log time per channel, from the message indexes (no chunk is decompressed).
    private static Dictionary<ushort, (ulong First, ulong Last)> ChannelSpans(McapReader reader)
    {
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

    private static string Rate(ulong count, (ulong First, ulong Last) span) => count > 1 && span.Last > span.First
        ? string.Create(CultureInfo.InvariantCulture, $"{(count - 1) / ((span.Last - span.First) / 1e9):0.###} Hz")
        : "-";

    private static string List(uint count, IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? count.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{count}: {string.Join(", ", list)}");
    }

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"{(label + ":").PadRight(Indent.Length)}{value}".TrimEnd());

    private static string Seconds(ulong nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:000000000}");

    private static string Stamp(ulong nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{McapTime.ToDateTimeOffset(nanoseconds):MMM dd yyyy HH:mm:ss}.{nanoseconds % 1_000_000_000:000000000} UTC ({Seconds(nanoseconds)})");

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GiB"),
    };
}
