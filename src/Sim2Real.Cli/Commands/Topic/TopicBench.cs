using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary>
/// <c>topic bench</c>: transport benchmarks between two processes on the current domain, measured the way Cyclone's
/// ddsperf measures (ping answered from inside the data-available callback; throughput with KEEP_ALL flow control),
/// so the figures compare with <c>ddsperf ping/pong</c> and <c>ddsperf pub/sub</c> (see bench/ros_bench.sh).
/// </summary>
internal static class TopicBench
{
    private static readonly QosProfile PingQos = QosProfile.Default.WithDepth(1);
    private static readonly QosProfile StreamQos = QosProfile.Default with { History = History.KeepAll, Depth = 0 };

    public static Command Create()
    {
        var command = new Command("bench", "Measure round-trip latency (rtt) or image throughput (throughput) between two processes.");
        command.Subcommands.Add(Rtt());
        command.Subcommands.Add(Throughput());
        command.Subcommands.Add(Pong());
        command.Subcommands.Add(Sink());
        return command;
    }

    private static Command Rtt()
    {
        var count = new Option<int>("--count") { Description = "Round trips to measure", DefaultValueFactory = _ => 20000 };
        var warmup = new Option<int>("--warmup") { Description = "Round trips discarded first", DefaultValueFactory = _ => 2000 };
        var external = new Option<string?>("--external-pong") { Description = "Topic prefix of a pong already running (e.g. s2r_ddspeer rawpong) instead of starting one" };
        var command = new Command("rtt", "Round trip of a small message (builtin_interfaces/msg/Time, 12 bytes of CDR) to a pong process and back.");
        command.Options.Add(count);
        command.Options.Add(warmup);
        command.Options.Add(external);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var measuredCount = TopicOptions.Count(parse.GetValue(count), 1, "--count", maximum: 10_000_000);
            var skip = TopicOptions.Count(parse.GetValue(warmup), 0, "--warmup", maximum: 10_000_000);
            var prefix = parse.GetValue(external) ?? "/bench_" + Environment.ProcessId;
            using var peer = parse.GetValue(external) is null ? StartSelf("topic", "bench", "pong", "--prefix", prefix) : null;
            using var node = TopicSession.OpenNode("bench_ping");
            using var ping = node.CreatePublisher<Time>(prefix + "/ping", PingQos);
            using var pong = node.CreateSubscription<Time>(prefix + "/pong", PingQos);
            var total = skip + measuredCount;
            var rtts = new double[total];
            var at = new long[total];
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var n = 0;
            long sent = 0;
            // The next ping goes out from inside the pong's callback, on Cyclone's thread: no thread hop in the loop.
            using var loop = pong.Subscribe(_ =>
            {
                var now = Stopwatch.GetTimestamp();
                if (n < total)
                {
                    at[n] = now;
                    rtts[n++] = Stopwatch.GetElapsedTime(sent, now).TotalMicroseconds;
                }

                if (n >= total)
                {
                    done.TrySetResult();
                    return;
                }

                sent = Stopwatch.GetTimestamp();
                ping.Publish(new Time { Sec = n });
            });
            await ping.WaitForSubscribersAsync(1, cancellationToken).WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            while (pong.Status.Matched == 0)
            {
                await Task.Delay(10, cancellationToken);
            }

            sent = Stopwatch.GetTimestamp();
            ping.Publish(new Time());
            await done.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            if (peer is not null)
            {
                peer.StandardInput.Close();
                await peer.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }
            var windows = WindowedPercentiles(rtts[skip..], at[skip..]);
            var measured = rtts[skip..];
            Array.Sort(measured);
            // ddsperf prints half the round trip ("(tnow - source_timestamp) / 2" in its process_pong); both are shown.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rtt size 12 count {measured.Length} mean {measured.Average():0.0}us min {measured[0]:0.0}us 50% {Percentile(measured, 0.50):0.0}us 90% {Percentile(measured, 0.90):0.0}us 99% {Percentile(measured, 0.99):0.0}us max {measured[^1]:0.0}us"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rtt per-second windows (median of {windows.Count}, as ddsperf reports) 50% {windows.P50:0.0}us 99% {windows.P99:0.0}us"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rtt/2 (ddsperf's printed measure) 50% {windows.P50 / 2:0.0}us 99% {windows.P99 / 2:0.0}us"));
            return 0;
        });
        return command;
    }

    private static Command Throughput()
    {
        var seconds = new Option<double>("--seconds") { Description = "How long to publish", DefaultValueFactory = _ => 5.0 };
        var width = new Option<int>("--width") { DefaultValueFactory = _ => 84 };
        var height = new Option<int>("--height") { DefaultValueFactory = _ => 84 };
        var command = new Command("throughput", "Publish rgb8 sensor_msgs/msg/Image (84x84x3 by default) as fast as a reliable KEEP_ALL subscriber in another process takes them.");
        command.Options.Add(seconds);
        command.Options.Add(width);
        command.Options.Add(height);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var limit = TopicOptions.Seconds(parse.GetValue(seconds), "--seconds", allowZero: false);
            var w = TopicOptions.Count(parse.GetValue(width), 1, "--width", maximum: 8192);
            var h = TopicOptions.Count(parse.GetValue(height), 1, "--height", maximum: 8192);
            var prefix = "/bench_" + Environment.ProcessId;
            using var sink = StartSelf("topic", "bench", "sink", "--prefix", prefix);
            using var node = TopicSession.OpenNode("bench_pub");
            using var publisher = node.CreatePublisher<Image>(prefix + "/image", StreamQos);
            await publisher.WaitForSubscribersAsync(1, cancellationToken).WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            var pixels = new byte[w * h * 3];
            Random.Shared.NextBytes(pixels);
            var clock = Stopwatch.StartNew();
            long sent = 0;
            while (clock.Elapsed < limit)
            {
                publisher.Publish(new Image
                {
                    Header = new() { FrameId = "camera", Stamp = new Time { Sec = (int)(sent / 1_000_000), Nanosec = (uint)(sent % 1_000_000) } },
                    Height = (uint)h,
                    Width = (uint)w,
                    Encoding = "rgb8",
                    Step = (uint)(w * 3),
                    Data = pixels,
                });
                sent++;
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            publisher.Publish(new Image { Header = new() { FrameId = "end" } });
            publisher.WaitForAcknowledgments(TimeSpan.FromSeconds(10));
            var report = await sink.StandardOutput.ReadLineAsync(cancellationToken);
            await sink.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput image {w}x{h}x3 ({pixels.Length} B) sent {sent} in {elapsed:0.00}s ({sent / elapsed:0} msg/s); {report}"));
            return 0;
        });
        return command;
    }

    private static Command Pong()
    {
        var prefix = new Option<string>("--prefix") { Required = true };
        var command = new Command("pong", "The echo side of `topic bench rtt` (started by it).") { Hidden = true };
        command.Options.Add(prefix);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var node = TopicSession.OpenNode("bench_pong");
            using var pong = node.CreatePublisher<Time>(parse.GetValue(prefix) + "/pong", PingQos);
            using var ping = node.CreateSubscription<Time>(parse.GetValue(prefix) + "/ping", PingQos);
            using var echo = ping.Subscribe(pong.Publish);
            await Console.In.ReadLineAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Sink()
    {
        var prefix = new Option<string>("--prefix") { Required = true };
        var command = new Command("sink", "The receiving side of `topic bench throughput` (started by it).") { Hidden = true };
        command.Options.Add(prefix);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var node = TopicSession.OpenNode("bench_sink");
            using var images = node.CreateSubscription<Image>(parse.GetValue(prefix) + "/image", StreamQos);
            var end = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            long received = 0;
            long bytes = 0;
            long first = 0;
            long last = 0;
            using var counting = images.Subscribe(image =>
            {
                if (image.Header.FrameId == "end")
                {
                    end.TrySetResult();
                    return;
                }

                last = Stopwatch.GetTimestamp();
                if (received++ == 0)
                {
                    first = last;
                }

                bytes += image.Data.Length;
            });
            await end.Task.WaitAsync(cancellationToken);
            var seconds = Stopwatch.GetElapsedTime(first, last).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"received {received} in {seconds:0.00}s: {received / seconds:0} msg/s, {bytes * 8 / seconds / 1e6:0} Mb/s, malformed {images.Status.Malformed}"));
            return 0;
        });
        return command;
    }

    // ddsperf prints latency percentiles per one-second interval; the median over intervals is comparable with it.
    private static (int Count, double P50, double P99) WindowedPercentiles(double[] rtts, long[] at)
    {
        var p50 = new List<double>();
        var p99 = new List<double>();
        var start = 0;
        for (var i = 1; i <= rtts.Length; i++)
        {
            if (i == rtts.Length || Stopwatch.GetElapsedTime(at[start], at[i]) >= TimeSpan.FromSeconds(1))
            {
                var window = rtts[start..i];
                Array.Sort(window);
                if (window.Length >= 100)
                {
                    p50.Add(Percentile(window, 0.50));
                    p99.Add(Percentile(window, 0.99));
                }

                start = i;
            }
        }

        if (p50.Count == 0)
        {
            var all = rtts.ToArray();
            Array.Sort(all);
            return (1, Percentile(all, 0.50), Percentile(all, 0.99));
        }

        p50.Sort();
        p99.Sort();
        return (p50.Count, p50[p50.Count / 2], p99[p99.Count / 2]);
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    // Another instance of this CLI, with the same environment (ROS_DOMAIN_ID, CYCLONEDDS_URI).
    private static Process StartSelf(params string[] args)
    {
        var dll = typeof(TopicBench).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!, [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark peer process");
    }
}
