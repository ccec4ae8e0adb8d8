using System.CommandLine;
using System.Threading.Channels;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Graph;
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
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for a publisher when --type is omitted; after this long with no message, say what discovery shows", DefaultValueFactory = _ => 5.0 };
        var fullLength = new Option<bool>("--full-length") { Description = "Print arrays in full instead of the first 128 elements" };
        var command = new Command("echo", "Print the messages published on a topic.");
        command.Arguments.Add(topic);
        foreach (var option in new Option[] { type, count, reliability, durability, wait, fullLength })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var waitFor = TopicOptions.Seconds(parse.GetValue(wait), "--wait");
            var limit = parse.GetValue(count) is { } n ? TopicOptions.Count(n, 1, "--count", " (omit it to echo until Ctrl+C)") : (int?)null;
            var requested = parse.GetValue(type) is { } t ? RosTypeName.Parse(t) : null;
            var reliable = parse.GetValue(reliability) is { } r ? QosNames.Reliability(r, "command line", "--qos-reliability") : (Reliability?)null;
            var durable = parse.GetValue(durability) is { } d ? QosNames.Durability(d, "command line", "--qos-durability") : (Durability?)null;
            var truncate = parse.GetValue(fullLength) ? int.MaxValue : MessageIntrospection.DefaultTruncateLength;

            using var node = TopicSession.OpenNode("topic_echo");
            var resolver = TopicSession.Resolver(node);
            var resolved = await resolver.ResolveAsync(parse.GetValue(topic)!, requested, waitFor, cancellationToken);
            var messageType = resolved.Type;
            var received = Channel.CreateUnbounded<SerializedMessage>(new UnboundedChannelOptions { SingleReader = true });
            using var subscription = node.CreateSerializedSubscription(resolved.Topic, messageType.Name,
                SubscriptionQos.For(resolved.Publishers, reliable, durable), validate: false);
            subscription.IncompatibleQosDetected += status => Console.Error.WriteLine($"WARNING: {status.LastError}");
            using var forward = subscription.Subscribe(m => received.Writer.TryWrite(m));

            // Until the first message, a publisher of another type (one that started after us) ends the wait with an
            // error: it would never match, and the reader would wait in silence. After --wait with nothing, say what
            // discovery shows.
            using var firstMessage = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watch = resolver.WatchForOtherTypesAsync(resolved, waitFor, seen => Console.Error.WriteLine($"WARNING: {seen}"), firstMessage.Token)
                .ContinueWith(w => w.Exception?.InnerException is { } e && received.Writer.TryComplete(e), TaskScheduler.Default);
            var printed = 0;
            try
            {
                await foreach (var message in received.Reader.ReadAllAsync(cancellationToken))
                {
                    await firstMessage.CancelAsync();
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
                    if (limit is { } most && ++printed >= most)
                    {
                        break;
                    }
                }
            }
            finally
            {
                await firstMessage.CancelAsync();
                await watch;
            }

            return 0;
        });
        return command;
    }
}
