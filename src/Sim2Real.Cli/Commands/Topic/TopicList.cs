using System.CommandLine;
using Sim2Real.Ros.Graph;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary><c>topic list</c>: ROS topics seen in DDS discovery (DCPSPublication / DCPSSubscription).</summary>
internal static class TopicList
{
    public static Command Create()
    {
        var showTypes = new Option<bool>("--show-types", "-t") { Description = "Also print each topic's type" };
        var spin = new Option<double>("--spin-time") { Description = "Seconds to wait for discovery", DefaultValueFactory = _ => 1.0 };
        var command = new Command("list", "Print the ROS 2 topics that have a publisher or subscription in the domain.");
        command.Options.Add(showTypes);
        command.Options.Add(spin);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var spinTime = TopicOptions.Seconds(parse.GetValue(spin), "--spin-time");
            using var node = TopicSession.OpenNode("topic_list");
            await Task.Delay(spinTime, cancellationToken);
            foreach (var (topic, types) in TopicNamesAndTypes.Of(node.DiscoverEndpoints()))
            {
                Console.WriteLine(parse.GetValue(showTypes) ? $"{topic} [{string.Join(", ", types)}]" : topic);
            }

            return 0;
        });
        return command;
    }
}
