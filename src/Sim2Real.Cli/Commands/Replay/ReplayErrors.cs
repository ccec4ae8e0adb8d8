using System.CommandLine;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Policies;
using Sim2Real.Mcap;
using Sim2Real.Robotics.Policies;
using Sim2Real.Sim.Bindings;

namespace Sim2Real.Cli.Commands.Replay;

/// <summary>
/// Runs a replay verb: a bad log (named with its offset and record), a missing topic, a policy that does not fit the
/// log, a missing file or a bad option prints one line and exits 1, with no stack trace and nothing written.
/// </summary>
internal static class ReplayErrors
{
    public const int Failed = 1;

    public static int Run(ParseResult parse, Func<TextWriter, int> body)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body(parse.InvocationConfiguration.Output);
        }
        catch (Exception e) when (e is McapFormatException or InvalidConfigException or PolicyMismatchException or PolicyFileException
            or CheckpointMismatchException or SafetensorsFormatException or InvalidDataException or MuJoCoException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sim2real replay {parse.CommandResult.Command.Name}: error: {e.Message}");
            return Failed;
        }
    }

    /// <summary>Refuses to replace an existing output file.</summary>
    public static void NewFile(string path, string flag)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new InvalidConfigException(path, flag, "already exists; choose a new file (nothing was overwritten)");
        }
    }
}
