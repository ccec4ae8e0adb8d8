using System.CommandLine;
using Sim2Real.Cli.Commands.Log;

namespace Sim2Real.Cli.Commands;

/// <summary><c>./sim2real log ...</c>: tools for MCAP logs (the file rosbag2 writes), shaped like <c>ros2 bag</c>.</summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var command = new Command("log", "Inspect, print and repair MCAP logs (rosbag2's storage format; open them in Foxglove, `mcap` or `ros2 bag`).");
        command.Subcommands.Add(LogInfo.Create());
        command.Subcommands.Add(LogEcho.Create());
        command.Subcommands.Add(LogRecover.Create());
        command.Subcommands.Add(LogBench.Create());
        return command;
    }
}
