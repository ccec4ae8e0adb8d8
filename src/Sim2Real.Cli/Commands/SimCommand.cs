using System.CommandLine;
using Sim2Real.Cli.Commands.Sim;

namespace Sim2Real.Cli.Commands;

/// <summary>The <c>sim</c> verb group: MuJoCo simulation tools.</summary>
internal static class SimCommand
{
    // Each subcommand of `sim`, in the order --help lists them. A new verb is one line here and one file in Sim/.
    private static readonly Func<Command>[] Verbs =
    [
        SimBenchCommand.Create,
        SimRenderCommand.Create,
        SimCheckCommand.Create,
        SimPlayCommand.Create,
        SimEnvBenchCommand.Create,
        SimExportKinematicsCommand.Create,
    ];

    public static Command Create()
    {
        var command = new Command("sim", "MuJoCo simulation: benchmark stepping and rendering, render frames, check models for warnings.");
        foreach (var verb in Verbs)
        {
            command.Subcommands.Add(verb());
        }

        return command;
    }
}
