using System.CommandLine;

namespace Sim2Real.Cli.Commands;

/// <summary>Every top-level verb of ./sim2real, in the order --help lists them.</summary>
internal static class CommandTable
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return DoctorCommand.Create();
        yield return TopicCommand.Create();
        yield return AgentCommand.Create();
        yield return TrainCommand.Create();
        yield return ReplayCommand.Create();
        yield return CalibrateCommand.Create();
        yield return VisionCommand.Create();
        yield return SimCommand.Create();
    }
}
