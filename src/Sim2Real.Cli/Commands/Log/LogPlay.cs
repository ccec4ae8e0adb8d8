using System.CommandLine;
using System.Globalization;
using System.Reactive.Concurrency;
using Sim2Real.Cli.Commands.Topic;
using Sim2Real.Mcap.Play;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log play FILE [--rate R] [--loop] [--clock]</c>: republishes a log or bag with its original timing, like <c>ros2 bag play</c>.</summary>
internal static class LogPlay
{
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
            var files = LogPlayer.FilesOf(path);
            var player = new LogPlayer(files, new LogPlayerOptions { Rate = parse.GetValue(rate), Loop = parse.GetValue(loop), ClockHz = clockHz });
            var waitFirst = TopicOptions.Seconds(parse.GetValue(delay), "--delay");
            using var node = TopicSession.OpenNode("log_play");
            using var sink = new RosPlaybackSink(node, files, clockHz > 0);
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
}
