using System.CommandLine;
using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Files;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Recovery;

namespace Sim2Real.Cli.Commands.Log;

/// <summary>
/// <c>log recover IN OUT</c>: rebuilds a truncated or damaged log into a complete one, like <c>mcap recover</c>.
/// Never touches IN; OUT appears complete or not at all. Exit 0 when nothing was lost, 3 when data was lost.
/// </summary>
internal static class LogRecover
{
    public const int LostData = 3;

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "The damaged .mcap log (read only)" };
        var output = new Argument<string>("output") { Description = "Where to write the recovered log" };
        var command = new Command("recover", "Rebuild the index, summary and footer of a truncated MCAP log (like `mcap recover`); reports what was recovered and lost, exits 3 when anything was lost.");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var (from, to) = (parse.GetValue(input)!, parse.GetValue(output)!);
            if (!File.Exists(from))
            {
                throw new FileNotFoundException($"{from}: no such file", from);
            }

            if (Path.GetFullPath(from) == Path.GetFullPath(to))
            {
                throw new InvalidConfigException("command line", "output", $"{to} is the input; write the recovered log to another file");
            }

            McapRecoveryReport? report = null;
            AtomicFile.Write(to, stream => report = McapRecovery.Recover(from, stream));
            Print(report!, to, stdout);
            return report!.LostData ? LostData : 0;
        });
        return command;
    }

    private static void Print(McapRecoveryReport report, string output, TextWriter stdout)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recovered: {report.Messages} messages in {report.Chunks} chunks on {report.Channels} channels ({report.Schemas} schemas, {report.Attachments} attachments, {report.Metadata} metadata) -> {output}"));
        stdout.WriteLine(report.End.Kind switch
        {
            McapReadEndKind.Complete => "input: complete (footer and closing magic present)",
            McapReadEndKind.Unclosed => string.Create(CultureInfo.InvariantCulture,
                $"input: ends at offset {report.End.Offset} after a whole record without a footer: the writer stopped before closing it; whatever it still held in memory (at most one chunk) never reached the file"),
            _ => $"input: {report.End}",
        });
        foreach (var problem in report.Problems)
        {
            stdout.WriteLine($"problem: {problem}");
        }

        if (!report.LostData)
        {
            stdout.WriteLine("lost: nothing");
            return;
        }

        var messages = report.LostMessages is { } n ? n.ToString(CultureInfo.InvariantCulture) : "an unknown number of";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lost: {report.LostChunks} chunks ({messages} messages), {report.LostAttachments} attachments, {report.LostMetadata} metadata; {report.LostBytes} bytes of the input not used"));
    }
}
