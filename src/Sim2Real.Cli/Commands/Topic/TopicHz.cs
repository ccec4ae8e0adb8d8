using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary><c>topic hz</c>: the publishing rate of a topic, printed once a second as ros2 topic hz prints it.</summary>
internal static class TopicHz
{
    public static Command Create()
    {
        var topic = new Argument<string>("topic_name") { Description = "Topic to measure" };
        var type = new Option<string?>("--type") { Description = "Message type (found from the publishers when omitted)" };
        var window = new Option<int>("--window", "-w") { Description = "Number of intervals in the moving window", DefaultValueFactory = _ => 10000 };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for a publisher when --type is omitted", DefaultValueFactory = _ => 5.0 };
        var command = new Command("hz", "Print the average publishing rate of a topic.");
        command.Arguments.Add(topic);
        foreach (var option in new Option[] { type, window, duration, wait })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var waitFor = TopicOptions.Seconds(parse.GetValue(wait), "--wait");
            var stopAfter = parse.GetValue(duration) is { } seconds ? TopicOptions.Seconds(seconds, "--duration", allowZero: false) : (TimeSpan?)null;
            var meter = new TopicRateMeter(TopicOptions.Count(parse.GetValue(window), 1, "--window"));
            var requested = parse.GetValue(type) is { } t ? RosTypeName.Parse(t) : null;

            using var node = TopicSession.OpenNode("topic_hz");
            var resolver = TopicSession.Resolver(node);
            var resolved = await resolver.ResolveAsync(parse.GetValue(topic)!, requested, waitFor, cancellationToken);
            var clock = Stopwatch.StartNew();
            using var subscription = node.CreateSerializedSubscription(resolved.Topic, resolved.Type.Name,
                SubscriptionQos.For(resolved.Publishers), validate: false);
            using var arrivals = subscription.Subscribe(_ => meter.Add(clock.Elapsed));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (stopAfter is { } limit)
            {
                stop.CancelAfter(limit);
            }

            // Until a message arrives, a publisher of another type is an error (it would never match).
            using var firstMessage = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watch = resolver.WatchForOtherTypesAsync(resolved, firstMessage.Token);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    if (watch.IsFaulted)
                    {
                        await watch;
                    }

                    if (meter.Seen > 0)
                    {
                        await firstMessage.CancelAsync();
                    }

                    Console.WriteLine(meter.TakeNew() is { } statistics ? Format(statistics) : "no new messages");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // --duration elapsed: a normal end.
            }
            finally
            {
                await firstMessage.CancelAsync();
            }

            await watch;
            return 0;
        });
        return command;
    }

    private static string Format(TopicRateStatistics s) => string.Create(CultureInfo.InvariantCulture,
        $"average rate: {s.AverageRateHz:0.000}\n\tmin: {s.MinIntervalS:0.000}s max: {s.MaxIntervalS:0.000}s std dev: {s.StdDevS:0.00000}s window: {s.Window}");
}
