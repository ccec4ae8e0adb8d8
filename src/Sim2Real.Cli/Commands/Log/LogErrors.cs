using System.CommandLine;
using Sim2Real.Core;
using Sim2Real.Mcap;

namespace Sim2Real.Cli.Commands.Log;

/// <summary>
/// Runs a log verb: a bad log (not MCAP, bad CRC, truncated record, unknown encoding or compression), a missing file
/// or a bad option prints one line naming the file, the offset and the record, and exits 1. No stack trace.
/// </summary>
internal static class LogErrors
{
    public const int Failed = 1;

    public static int Run(ParseResult parse, Func<TextWriter, int> body)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body(parse.InvocationConfiguration.Output);
        }
        catch (Exception e) when (e is McapFormatException or InvalidConfigException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sim2real log {parse.CommandResult.Command.Name}: error: {e.Message}");
            return Failed;
        }
    }
}
