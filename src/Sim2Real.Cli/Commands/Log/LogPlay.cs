using System.CommandLine;
using System.Globalization;
using System.Reactive.Concurrency;
using Sim2Real.Cli.Commands.Topic;
using Sim2Real.Core;
using Sim2Real.Mcap;
using Sim2Real.Mcap.Bags;
using Sim2Real.Mcap.Play;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log play FILE [--rate R] [--loop] [--clock]</c>: republishes a log or bag with its original timing, like <c>ros2 bag play</c>.</summary>
internal static class LogPlay
{
    /// <summary>/clock as rclcpp's ClockQoS: KEEP_LAST 1, BEST_EFFORT, VOLATILE.</summary>
    private static readonly QosProfile ClockQos = new(Reliability.BestEffort, Durability.Volatile, History.KeepLast, 1);

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "An .mcap log or a bag directory (metadata.yaml)" };
        var rate = new Option<double>("--rate", "-r") { Description = "Playback speed (2: twice as fast)", DefaultValueFactory = _ => 1.0 };
        var loop = new Option<bool>("--loop", "-l") { Description = "Play again from the start after the last message" };
        var clock = new Option<double?>("--clock") { Description = "Publish /clock with the log's time at this rate in Hz (40 when given without a value)", Arity = ArgumentArity.ZeroOrOne };
        var delay = new Option<double>("--delay") { Description = "Seconds to wait before playing (lets subscribers discover the publishers)" };
        var command = new Command("play", "Republish a log's messages with their original timing on their topics (like `ros2 bag play`).");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { rate, loop, clock, delay })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(input)!;
            var clockHz = parse.GetResult(clock) is null ? 0 : parse.GetValue(clock) ?? 40;
            var player = new LogPlayer(Files(path), new LogPlayerOptions { Rate = parse.GetValue(rate), Loop = parse.GetValue(loop), ClockHz = clockHz });
            var waitFirst = TopicOptions.Seconds(parse.GetValue(delay), "--delay");
            using var node = TopicSession.OpenNode("log_play");
            using var sink = new Publishers(node, Files(path), clockHz > 0);
            await Task.Delay(waitFirst, cancellationToken);
            var finished = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var scheduler = new EventLoopScheduler();
            using (player.Start(scheduler, sink, e => finished.TrySetResult(e)))
            using (cancellationToken.Register(() => finished.TrySetCanceled(cancellationToken)))
            {
                try
                {
                    if (await finished.Task is { } error)
                    {
                        throw error;
                    }
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C ends playback, as it does ros2 bag play.
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"played {player.Published} messages{(player.Loops > 0 ? $" ({player.Loops} loops)" : "")} from {path}"));
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<string> Files(string path) =>
        Directory.Exists(path) ? BagMetadata.Files(path)
        : File.Exists(path) ? [path]
        : throw new InvalidConfigException(path, "input", "no such log file or bag directory");

    /// <summary>One publisher per logged channel, of the logged type with the QoS its publishers offered, and /clock.</summary>
    private sealed class Publishers : IPlaybackSink, IDisposable
    {
        private readonly Dictionary<string, SerializedPublisher> _publishers = new(StringComparer.Ordinal);
        private readonly RosPublisher<Clock>? _clock;

        public Publishers(RosNode node, IReadOnlyList<string> files, bool clock)
        {
            foreach (var file in files)
            {
                using var reader = McapReader.Open(file);
                var decoder = new Ros2MessageDecoder(reader);
                foreach (var channel in reader.Channels.Values)
                {
                    var type = decoder.TypeOf(channel.Id);
                    if (!_publishers.ContainsKey(channel.Topic))
                    {
                        _publishers[channel.Topic] = node.CreateSerializedPublisher(channel.Topic, type.Name, Qos(channel, file));
                    }
                }
            }

            _clock = clock ? node.CreatePublisher<Clock>("/clock", ClockQos) : null;
        }

        public void Publish(McapChannel channel, McapMessage message)
        {
            _publishers[channel.Topic].Publish(message.Data.Span);
        }

        public void PublishClock(ulong logTime) =>
            _clock?.Publish(new Clock { Time = new() { Sec = (int)(logTime / 1_000_000_000), Nanosec = (uint)(logTime % 1_000_000_000) } });

        public void Dispose()
        {
            foreach (var publisher in _publishers.Values)
            {
                publisher.Dispose();
            }

            _clock?.Dispose();
        }

        // The first publisher's offered QoS, as ros2 bag play adapts to the recorded profiles; ROS 2's default otherwise.
        private static QosProfile Qos(McapChannel channel, string file) =>
            channel.Metadata.TryGetValue(Ros2Profile.OfferedQosProfilesKey, out var yaml) && OfferedQosProfiles.Parse(yaml, $"{file} {channel.Topic}") is [var first, ..]
                ? first
                : QosProfile.Default;
    }
}
