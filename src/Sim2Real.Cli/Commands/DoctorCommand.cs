using System.CommandLine;
using Sim2Real.Cli.Doctor;

namespace Sim2Real.Cli.Commands;

internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Load every native engine (MuJoCo, libtorch, OpenCV, Cyclone DDS, EGL) and print its version. Exits 1 and names the Debian package when one is missing.");
        command.SetAction(_ => new EngineDoctor(EngineChecks.All()).Run(Console.Out));
        return command;
    }
}
