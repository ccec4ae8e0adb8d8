using System.CommandLine;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary><c>topic pub</c>: publish a message given as YAML, at a rate, a number of times (as ros2 topic pub).</summary>
internal static class TopicPub
{
    public static Command Create()
    {
        var topic = new Argument<string>("topic_name") { Description = "Topic to publish on, e.g. /cmd_vel" };
        var type = new Argument<string>("message_type") { Description = "Message type, e.g. geometry_msgs/msg/Twist" };
        var values = new Argument<string>("values") { Description = "The message as YAML, e.g. '{linear: {x: 0.5}}'", DefaultValueFactory = _ => "{}" };
        var rate = new Option<double>("--rate", "-r") { Description = "Publishing rate in Hz", DefaultValueFactory = _ => 1.0 };
        var count = new Option<int?>("--count", "-t") { Description = "Publish this many messages, then exit (default: until Ctrl+C)" };
        var profile = new Option<string>("--qos-profile") { Description = "default, sensor_data or latched", DefaultValueFactory = _ => "default" };
        var reliability = new Option<string?>("--qos-reliability") { Description = "reliable or best_effort" };
        var durability = new Option<string?>("--qos-durability") { Description = "volatile or transient_local" };
        var depth = new Option<int?>("--qos-depth") { Description = "History depth (KEEP_LAST)" };
        var wait = new Option<double>("--wait-matching") { Description = "With --count, seconds to wait for a subscription before publishing", DefaultValueFactory = _ => 10.0 };
        var command = new Command("pub", "Publish a message on a topic.");
        command.Arguments.Add(topic);
        command.Arguments.Add(type);
        command.Arguments.Add(values);
        foreach (var option in new Option[] { rate, count, profile, reliability, durability, depth, wait })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var hz = TopicOptions.Rate(parse.GetValue(rate), "--rate");
            var limit = parse.GetValue(count) is { } n ? TopicOptions.Count(n, 1, "--count", " (omit it to publish until Ctrl+C)") : (int?)null;
            var waitMatching = TopicOptions.Seconds(parse.GetValue(wait), "--wait-matching");
            var qos = QosNames.Profile(parse.GetValue(profile)!, "command line", "--qos-profile").With(
                parse.GetValue(reliability) is { } r ? QosNames.Reliability(r, "command line", "--qos-reliability") : null,
                parse.GetValue(durability) is { } d ? QosNames.Durability(d, "command line", "--qos-durability") : null,
                parse.GetValue(depth) is { } k ? TopicOptions.Count(k, 1, "--qos-depth") : null);
            var messageType = RosMessageTypes.Get(RosTypeName.Parse(parse.GetValue(type)!));
            var name = parse.GetValue(topic)!;
            var message = MessageIntrospection.FromYaml(parse.GetValue(values)!, messageType.ClrType, $"{name} [{messageType.Name}]");
            using var cdr = new CdrWriter();
            messageType.Write(cdr, message);
            var bytes = cdr.Written.ToArray();

            using var node = TopicSession.OpenNode("topic_pub");
            using var publisher = node.CreateSerializedPublisher(name, messageType.Name, qos);
            Console.WriteLine("publisher: beginning loop");
            if (limit is not null)
            {
                try
                {
                    await publisher.WaitForSubscribersAsync(1, cancellationToken).WaitAsync(waitMatching, cancellationToken);
                }
                catch (TimeoutException)
                {
                    Console.Error.WriteLine($"WARNING: no subscription matched {publisher.Topic} within {waitMatching.TotalSeconds} s; publishing anyway");
                }
            }

            var flow = MessageIntrospection.ToYaml(message).TrimEnd().Replace("\n", "; ", StringComparison.Ordinal);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / hz));
            for (var i = 1; limit is null || i <= limit; i++)
            {
                publisher.Publish(bytes);
                Console.WriteLine($"publishing #{i}: {messageType.Name.Package}.msg.{messageType.Name.Name}({flow})");
                if (limit is not null && i == limit)
                {
                    break;
                }

                if (!await timer.WaitForNextTickAsync(cancellationToken))
                {
                    break;
                }
            }

            // Reliable subscribers get everything before the process (and its writer history) goes away.
            publisher.WaitForAcknowledgments(TimeSpan.FromSeconds(5));
            return 0;
        });
        return command;
    }
}
