using System.CommandLine;
using Sim2Real.Cli.Commands.Replay;

namespace Sim2Real.Cli.Commands;

/// <summary><c>replay</c>: logged episodes through the policy, in the simulator, and the sim-vs-real gap report.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var command = new Command("replay", "Replay logged episodes: through the policy, in the simulator, and the sim-vs-real gap report.");
        command.Subcommands.Add(ReplayPolicy.Create());
        command.Subcommands.Add(ReplaySim.Create());
        command.Subcommands.Add(ReplayGap.Create());
        return command;
    }
}
