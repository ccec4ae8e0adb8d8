using System.CommandLine;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log echo FILE TOPIC</c>: the topic's messages as YAML documents separated by <c>---</c>, as <c>topic echo</c> prints them.</summary>
internal static class LogEcho
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The .mcap log" };
        var topic = new Argument<string>("topic_name") { Description = "Topic to print, e.g. /joint_states" };
        var count = new Option<int?>("--count") { Description = "Stop after this many messages" };
        var fullLength = new Option<bool>("--full-length") { Description = "Print arrays in full instead of the first 128 elements" };
        var command = new Command("echo", "Print the messages a log holds on one topic, in log-time order, as YAML (like `ros2 topic echo`).");
        command.Arguments.Add(file);
        command.Arguments.Add(topic);
        command.Options.Add(count);
        command.Options.Add(fullLength);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var reader = McapReader.Open(parse.GetValue(file)!);
            var channels = reader.ChannelIdsOf(TopicName.Resolve(parse.GetValue(topic)!));
            var decoder = new Ros2MessageDecoder(reader);
            foreach (var id in channels)
            {
                decoder.TypeOf(id);
            }

            var truncate = parse.GetValue(fullLength) ? int.MaxValue : MessageIntrospection.DefaultTruncateLength;
            var limit = parse.GetValue(count);
            var printed = 0;
            foreach (var entry in reader.ReadMessages(channels))
            {
                if (limit is { } n && printed >= n)
                {
                    break;
                }

                output.Write(MessageIntrospection.ToYaml(decoder.Decode(entry), truncate));
                output.WriteLine("---");
                printed++;
            }

            return 0;
        });
        return command;
    }
}
