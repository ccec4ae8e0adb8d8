using System.CommandLine;
using System.Threading.Channels;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary><c>topic echo</c>: print messages as YAML documents separated by <c>---</c>, as ros2 topic echo does.</summary>
internal static class TopicEcho
{
    public static Command Create()
    {
        var topic = new Argument<string>("topic_name") { Description = "Topic to echo, e.g. /chatter" };
        var type = new Option<string?>("--type") { Description = "Message type (pkg/msg/Type); found from the publishers when omitted" };
        var count = new Option<int?>("--count") { Description = "Exit after this many messages" };
        var reliability = new Option<string?>("--qos-reliability") { Description = "reliable or best_effort (default: what the publishers offer)" };
        var durability = new Option<string?>("--qos-durability") { Description = "volatile or transient_local (default: what the publishers offer)" };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for a publisher when --type is omitted", DefaultValueFactory = _ => 5.0 };
        var fullLength = new Option<bool>("--full-length") { Description = "Print arrays in full instead of the first 128 elements" };
        var command = new Command("echo", "Print the messages published on a topic.");
        command.Arguments.Add(topic);
        foreach (var option in new Option[] { type, count, reliability, durability, wait, fullLength })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => TopicSession.RunAsync(async () =>
        {
            using var node = TopicSession.OpenNode("topic_echo");
            var name = parse.GetValue(topic)!;
            var (messageType, publishers) = await TopicSession.ResolveTypeAsync(node, name, parse.GetValue(type),
                TimeSpan.FromSeconds(parse.GetValue(wait)), cancellationToken);
            var qos = TopicSession.CompatibleQos(publishers, parse.GetValue(reliability), parse.GetValue(durability));
            var truncate = parse.GetValue(fullLength) ? int.MaxValue : MessageIntrospection.DefaultTruncateLength;
            var limit = parse.GetValue(count);
            var received = Channel.CreateUnbounded<SerializedMessage>(new UnboundedChannelOptions { SingleReader = true });
            using var subscription = node.CreateSerializedSubscription(name, messageType.Name, qos, validate: false);
            subscription.IncompatibleQosDetected += status => Console.Error.WriteLine($"WARNING: {status.LastError}");
            using var forward = subscription.Subscribe(m => received.Writer.TryWrite(m));
            var printed = 0;
            await foreach (var message in received.Reader.ReadAllAsync(cancellationToken))
            {
                object decoded;
                try
                {
                    decoded = messageType.Read(message.Cdr);
                }
                catch (MalformedMessageException e)
                {
                    Console.Error.WriteLine($"{subscription.Topic} [{messageType.Name}]: dropped a malformed sample ({message.Cdr.Length} bytes): {e.Message}");
                    continue;
                }

                Console.Write(MessageIntrospection.ToYaml(decoded, truncate));
                Console.WriteLine("---");
                if (limit is { } n && ++printed >= n)
                {
                    break;
                }
            }

            return 0;
        }));
        return command;
    }
}
