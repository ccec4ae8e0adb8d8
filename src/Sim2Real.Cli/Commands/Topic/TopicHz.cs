using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

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

        command.SetAction((parse, cancellationToken) => TopicSession.RunAsync(async () =>
        {
            using var node = TopicSession.OpenNode("topic_hz");
            var name = parse.GetValue(topic)!;
            var (messageType, publishers) = await TopicSession.ResolveTypeAsync(node, name, parse.GetValue(type),
                TimeSpan.FromSeconds(parse.GetValue(wait)), cancellationToken);
            var meter = new RateMeter(parse.GetValue(window));
            var clock = Stopwatch.StartNew();
            using var subscription = node.CreateSerializedSubscription(name, messageType.Name,
                TopicSession.CompatibleQos(publishers, null, null), validate: false);
            using var arrivals = subscription.Subscribe(_ => meter.Add(clock.Elapsed));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(duration) is { } limit)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(limit));
            }

            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    Console.WriteLine(meter.Report() ?? "no new messages");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // --duration elapsed: a normal end.
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Arrival intervals over a moving window; the statistics ros2 topic hz prints.</summary>
    private sealed class RateMeter(int window)
    {
        private readonly Queue<double> _intervals = new();
        private readonly Lock _gate = new();
        private TimeSpan? _last;
        private long _seen;
        private long _reported;

        public void Add(TimeSpan at)
        {
            lock (_gate)
            {
                if (_last is { } last)
                {
                    _intervals.Enqueue((at - last).TotalSeconds);
                    if (_intervals.Count > window)
                    {
                        _intervals.Dequeue();
                    }
                }

                _last = at;
                _seen++;
            }
        }

        public string? Report()
        {
            lock (_gate)
            {
                if (_seen == _reported || _intervals.Count == 0)
                {
                    return null;
                }

                _reported = _seen;
                var mean = _intervals.Average();
                var std = Math.Sqrt(_intervals.Sum(x => (x - mean) * (x - mean)) / _intervals.Count);
                return string.Create(CultureInfo.InvariantCulture,
                    $"average rate: {1 / mean:0.000}\n\tmin: {_intervals.Min():0.000}s max: {_intervals.Max():0.000}s std dev: {std:0.00000}s window: {_intervals.Count + 1}");
            }
        }
    }
}
