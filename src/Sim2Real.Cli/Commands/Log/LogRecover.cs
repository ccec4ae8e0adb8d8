using System.CommandLine;
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
            foreach (var line in McapRecoveryText.Lines(report!, to))
            {
                stdout.WriteLine(line);
            }

            return report!.LostData ? LostData : 0;
        });
        return command;
    }
}
