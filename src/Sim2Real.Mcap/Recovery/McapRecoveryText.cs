using System.Globalization;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Recovery;

/// <summary>A <see cref="McapRecoveryReport"/> as <c>log recover</c> prints it: what was recovered, how the input ended, the problems met, what was lost.</summary>
public static class McapRecoveryText
{
    /// <param name="report">The recovery's report.</param>
    /// <param name="output">Where the recovered log was written, as the user named it.</param>
    public static IReadOnlyList<string> Lines(McapRecoveryReport report, string output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"recovered: {report.Messages} messages in {report.Chunks} chunks on {report.Channels} channels ({report.Schemas} schemas, {report.Attachments} attachments, {report.Metadata} metadata) -> {output}"),
            report.End.Kind switch
            {
                McapReadEndKind.Complete => "input: complete (footer and closing magic present)",
                McapReadEndKind.Unclosed => string.Create(CultureInfo.InvariantCulture,
                    $"input: ends at offset {report.End.Offset} after a whole record without a footer: the writer stopped before closing it; whatever it still held in memory (at most one chunk) never reached the file"),
                _ => $"input: {report.End}",
            },
        };
        lines.AddRange(report.Problems.Select(problem => $"problem: {problem}"));
        if (!report.LostData)
        {
            lines.Add("lost: nothing");
            return lines;
        }

        var messages = report.LostMessages is { } n ? n.ToString(CultureInfo.InvariantCulture) : "an unknown number of";
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"lost: {report.LostChunks} chunks ({messages} messages), {report.LostAttachments} attachments, {report.LostMetadata} metadata; {report.LostBytes} bytes of the input not used"));
        return lines;
    }
}
