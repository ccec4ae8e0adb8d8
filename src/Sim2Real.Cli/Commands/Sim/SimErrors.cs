using System.CommandLine;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary>Runs a sim verb and turns the errors users can cause (bad file, name, option) into one line and exit code 1.</summary>
internal static class SimErrors
{
    public const int Failed = 1;

    public static int Run(ParseResult parse, Func<TextWriter, int> body)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body(output);
        }
        catch (Exception e) when (e is MuJoCoException or MjNameNotFoundException or NonFiniteControlException
                                      or RenderingException or InvalidConfigException or RobotNotFoundException
                                      or ArgumentException or IOException or UnauthorizedAccessException
                                      or SafetensorsFormatException or CheckpointMismatchException or InvalidDataException
                                      or Learning.Policies.PolicyFileException or Robotics.Policies.PolicyMismatchException)
        {
            error.WriteLine($"sim2real sim {parse.CommandResult.Command.Name}: error: {e.Message}");
            return Failed;
        }
    }
}
