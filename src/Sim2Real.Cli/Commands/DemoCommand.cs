using System.CommandLine;
using Sim2Real.Cli.Doctor;

namespace Sim2Real.Cli.Commands;

/// <summary>The main job: a tour of what the stack does end to end on this machine, one step after another.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the main job: check the engines, then exercise each layer that exists on real inputs.");
        command.SetAction(_ =>
        {
            Console.WriteLine("== 1. native engines (./sim2real doctor)");
            return new EngineDoctor(EngineChecks.All()).Run(Console.Out);
        });
        return command;
    }
}
