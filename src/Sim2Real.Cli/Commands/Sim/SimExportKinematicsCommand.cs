using System.CommandLine;
using System.Text;
using Sim2Real.Files;
using Sim2Real.Robotics.Kinematics;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary><c>sim export-kinematics</c>: write a robot's kinematics.yaml from its compiled MJCF, or check it is current.</summary>
internal static class SimExportKinematicsCommand
{
    public static Command Create()
    {
        var robot = new Option<string>("--robot") { Description = "robot folder name under robots/", Required = true };
        var check = new Option<bool>("--check") { Description = "do not write: exit 1 when the committed file differs from a fresh export" };
        var command = new Command("export-kinematics", "Export the robot's kinematic chain (links, joint axes, sites, cameras) from its MJCF to robots/<robot>/kinematics.yaml, which deployment reads without MuJoCo.")
        {
            robot, check,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var folder = Path.Combine(RobotCatalog.Discover().Root, parse.GetValue(robot)!);
            if (!Directory.Exists(folder))
            {
                throw new RobotNotFoundException($"unknown robot '{parse.GetValue(robot)}'; known robots: {string.Join(", ", RobotCatalog.Discover().Names)}");
            }

            var text = KinematicsExport.ToYaml(KinematicsExport.FromFolder(folder));
            var path = Path.Combine(folder, KinematicChain.FileName);
            if (parse.GetValue(check))
            {
                var current = File.Exists(path) ? File.ReadAllText(path) : "";
                output.WriteLine(current == text ? $"{path}: up to date" : $"{path}: differs from the MJCF; run `./sim2real sim export-kinematics --robot {parse.GetValue(robot)}`");
                return current == text ? 0 : CommandRunner.Failed;
            }

            AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
            output.WriteLine($"wrote {path}");
            return 0;
        });
        return command;
    }
}
