using System.CommandLine;
using System.Diagnostics;
using Sim2Real.Ros.Bench;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary>
/// <c>topic bench</c>: transport benchmarks between two processes on the current domain, measured the way Cyclone's
/// ddsperf measures (<see cref="RoundTripBench"/>, <see cref="ImageThroughputBench"/>), so the figures compare with
/// <c>ddsperf ping/pong</c> and <c>ddsperf pub/sub</c> (see bench/ros_bench.sh).
/// </summary>
internal static class TopicBench
{
    private static readonly TimeSpan PeerExit = TimeSpan.FromSeconds(10);

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
            var measured = TopicOptions.Count(parse.GetValue(count), 1, "--count", maximum: 10_000_000);
            var skip = TopicOptions.Count(parse.GetValue(warmup), 0, "--warmup", maximum: 10_000_000);
            var prefix = parse.GetValue(external) ?? "/bench_" + Environment.ProcessId;
            using var peer = parse.GetValue(external) is null ? StartSelf("topic", "bench", "pong", "--prefix", prefix) : null;
            using var node = TopicSession.OpenNode("bench_ping");
            var result = await RoundTripBench.PingAsync(node, prefix, skip, measured, cancellationToken);
            if (peer is not null)
            {
                peer.StandardInput.Close();
                await peer.WaitForExitAsync(cancellationToken).WaitAsync(PeerExit, cancellationToken);
            }

            foreach (var line in result.Lines())
            {
                Console.WriteLine(line);
            }

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
            var sent = await ImageThroughputBench.PublishAsync(node, prefix, w, h, limit, cancellationToken);
            var report = await sink.StandardOutput.ReadLineAsync(cancellationToken);
            await sink.WaitForExitAsync(cancellationToken).WaitAsync(PeerExit, cancellationToken);
            Console.WriteLine(sent.Line(report));
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
            using var pong = RoundTripBench.Pong(node, parse.GetValue(prefix)!);
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
            var received = await ImageThroughputBench.SinkAsync(node, parse.GetValue(prefix)!, cancellationToken);
            Console.WriteLine(received.Line());
            return 0;
        });
        return command;
    }

    // Another instance of this CLI, with the same environment (ROS_DOMAIN_ID, CYCLONEDDS_URI).
    private static Process StartSelf(params string[] args)
    {
        var start = Launch.ChildProcess.SelfStartInfo(args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark peer process");
    }
}
