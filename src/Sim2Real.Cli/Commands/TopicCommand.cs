using System.CommandLine;
using Sim2Real.Cli.Commands.Topic;

namespace Sim2Real.Cli.Commands;

/// <summary><c>./sim2real topic ...</c>: the ROS 2 topic tools, shaped like <c>ros2 topic</c>.</summary>
internal static class TopicCommand
{
    public static Command Create()
    {
        var command = new Command("topic", "Inspect and use ROS 2 topics over Cyclone DDS (like `ros2 topic`; ROS_DOMAIN_ID, ROS_AUTOMATIC_DISCOVERY_RANGE (LOCALHOST by default, SUBNET to reach other hosts), ROS_STATIC_PEERS and CYCLONEDDS_URI apply).");
        command.Subcommands.Add(TopicList.Create());
        command.Subcommands.Add(TopicEcho.Create());
        command.Subcommands.Add(TopicPub.Create());
        command.Subcommands.Add(TopicHz.Create());
        command.Subcommands.Add(TopicBench.Create());
        return command;
    }
}
