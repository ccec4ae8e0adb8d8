using System.CommandLine;
using System.Globalization;
using Sim2Real.Cli.Commands.Topic;
using Sim2Real.Mcap.Bags;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Writing;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log record TOPIC... -o BAG</c>: records topics into a rosbag2-style bag directory, like <c>ros2 bag record</c>.</summary>
internal static class LogRecord
{
    public static Command Create()
    {
        var topics = new Argument<string[]>("topics") { Description = "Topics to record, e.g. /joint_states /tf", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The new bag directory (metadata.yaml and <name>_N.mcap files)", Required = true };
        var maxSize = new Option<long>("--max-bag-size", "-b") { Description = "Split to a new file once one reaches this many bytes (0: never)" };
        var maxDuration = new Option<double>("--max-bag-duration", "-d") { Description = "Split to a new file once one spans this many seconds (0: never)" };
        var compression = new Option<string>("--compression") { Description = "Chunk compression: zstd, lz4 or none", DefaultValueFactory = _ => "zstd" };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for each topic's publishers (their type and QoS are recorded)", DefaultValueFactory = _ => 5.0 };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: record until Ctrl+C)" };
        var command = new Command("record", "Record ROS 2 topics into a bag directory (metadata.yaml plus .mcap files, as rosbag2 writes it), splitting by size or duration; until Ctrl+C.");
        command.Arguments.Add(topics);
        foreach (var option in new Option[] { output, maxSize, maxDuration, compression, wait, duration })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BagWriterOptions
            {
                MaxBagSizeBytes = parse.GetValue(maxSize),
                MaxBagDuration = TopicOptions.Seconds(parse.GetValue(maxDuration), "--max-bag-duration"),
                Mcap = new McapWriterOptions { Compression = McapCompressionNames.Parse(parse.GetValue(compression)!, "command line", "--compression") },
            };
            options.Validate();
            var stopAfter = parse.GetValue(duration) is { } d ? TopicOptions.Seconds(d, "--duration", allowZero: false) : Timeout.InfiniteTimeSpan;
            using var node = TopicSession.OpenNode("log_record");
            var bag = parse.GetValue(output)!;
            await using var recording = await TopicRecording.StartAsync(node, parse.GetValue(topics)!, bag, options,
                TopicOptions.Seconds(parse.GetValue(wait), "--wait"), cancellationToken: cancellationToken);
            Console.WriteLine($"recording {string.Join(", ", recording.Bag.Topics.Select(t => $"{t.Name} [{t.Type.Name}]"))} into {bag} (Ctrl+C stops)");
            try
            {
                await Task.Delay(stopAfter, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the ordinary way to stop a recording; the bag is closed below.
            }

            await recording.DisposeAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recorded {recording.Bag.Topics.Aggregate(0UL, (s, t) => s + t.MessageCount)} messages ({string.Join(", ", recording.Bag.Topics.Select(t => $"{t.Name}: {t.MessageCount}"))}) into {string.Join(", ", recording.Bag.FileNames)} and {BagMetadata.FileName}"));
            return 0;
        });
        return command;
    }
}
