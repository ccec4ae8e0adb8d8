using System.CommandLine;

namespace Sim2Real.Cli.Commands;

/// <summary>Every top-level verb of ./sim2real, in the order --help lists them.</summary>
internal static class CommandTable
{
    public const string Description = "Sim2Real: train policies in MuJoCo, deploy them to ROS 2 robots, calibrate cameras, replay logs.";

    /// <summary>The root command over every verb except those in <paramref name="excluding"/> (demo leaves itself out).</summary>
    public static RootCommand Root(params string[] excluding)
    {
        var root = new RootCommand(Description);
        foreach (var command in All().Where(c => !excluding.Contains(c.Name)))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return DoctorCommand.Create();
        yield return SimCommand.Create();
        yield return TrainCommand.Create();
        yield return AgentCommand.Create();
        yield return PolicyCommand.Create();
        yield return ReplayCommand.Create();
        yield return CalibrateCommand.Create();
        yield return VisionCommand.Create();
        yield return TopicCommand.Create();
        yield return LogCommand.Create();
    }
}
