using System.CommandLine;
using Sim2Real.Cli.Commands;

var root = new RootCommand("Sim2Real: train policies in MuJoCo, deploy them to ROS 2 robots, calibrate cameras, replay logs.");
foreach (var command in CommandTable.All())
{
    root.Subcommands.Add(command);
}

return root.Parse(args).Invoke();
