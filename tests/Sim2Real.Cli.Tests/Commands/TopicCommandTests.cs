using System.Diagnostics;
using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Sim2Real.Ros.Tests;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Cli.Tests.Commands;

/// <summary>`./sim2real topic ...` as a separate process against a node in the test process, on loopback.</summary>
[SupportedOSPlatform("linux")]
public class TopicCommandTests
{
    private static readonly int Domain = RandomNumberGenerator.GetInt32(42, 100);

    [Fact]
    public async Task Topic_pub_publishes_the_YAML_message_to_a_subscription_in_another_process()
    {
        var topic = UniqueTopic("cmd_vel");
        using var node = new RosNode(Options());
        // Latched: both samples arrive even if this reader learns of the CLI's writer after it has published.
        using var subscription = node.CreateSubscription<Twist>(topic, QosProfile.Latched.WithDepth(2));
        var received = subscription.Take(2).ToList().ToTask();

        var (code, stdout, stderr) = await RunCli("topic", "pub", topic, "geometry_msgs/msg/Twist", "{linear: {x: 0.5}, angular: {z: -1.25}}",
            "--count", "2", "--rate", "50", "--qos-profile", "latched", "--qos-depth", "2");

        Assert.True(code == 0, stderr);
        Assert.Contains("publishing #2: geometry_msgs.msg.Twist(", stdout, StringComparison.Ordinal);
        var messages = await received.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(messages, m => Assert.Equal((0.5, -1.25), (m.Linear.X, m.Angular.Z)));
    }

    [Fact]
    public async Task Topic_echo_finds_the_type_and_prints_YAML_documents_separated_by_dashes()
    {
        var topic = UniqueTopic("chatter");
        using var node = new RosNode(Options());
        // Latched with depth 2: echo adopts the publisher's durability and gets both messages however discovery
        // interleaves (a volatile reader only sees what is written after it has matched the writer).
        using var publisher = node.CreatePublisher<RosString>(topic, QosProfile.Latched.WithDepth(2));
        publisher.Publish(new RosString { Data = "hello" });
        publisher.Publish(new RosString { Data = "" });

        var (code, stdout, stderr) = await RunCli("topic", "echo", topic, "--count", "2");
        Assert.True(code == 0, stderr);
        Assert.Equal("data: hello\n---\ndata: ''\n---\n", stdout);
    }

    [Fact]
    public async Task Topic_echo_with_a_type_the_publishers_do_not_use_fails_naming_topic_and_both_types()
    {
        var topic = UniqueTopic("mixed");
        using var node = new RosNode(Options());
        using var publisher = node.CreatePublisher<RosString>(topic);

        var (code, _, stderr) = await RunCli("topic", "echo", topic, "--type", "sensor_msgs/msg/Image", "--count", "1");

        Assert.Equal(1, code);
        Assert.Contains(topic, stderr, StringComparison.Ordinal);
        Assert.Contains("std_msgs/msg/String", stderr, StringComparison.Ordinal);
        Assert.Contains("sensor_msgs/msg/Image", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_list_shows_topics_with_their_types()
    {
        var topic = UniqueTopic("imu");
        using var node = new RosNode(Options());
        using var publisher = node.CreatePublisher<Twist>(topic);

        var (code, stdout, stderr) = await RunCli("topic", "list", "-t");

        Assert.True(code == 0, stderr);
        Assert.Contains($"{topic} [geometry_msgs/msg/Twist]", stdout.Split('\n'));
    }

    [Fact]
    public async Task Topic_hz_reports_the_rate_of_a_topic_in_ros2_format()
    {
        var topic = UniqueTopic("scan");
        using var node = new RosNode(Options());
        using var publisher = node.CreatePublisher<Twist>(topic);
        using var stop = new CancellationTokenSource();
        var hz = RunCli("topic", "hz", topic, "--duration", "2.5");
        var publishing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !hz.IsCompleted)
            {
                publisher.Publish(new Twist());
                await Task.Delay(10);
            }
        });

        var (code, stdout, stderr) = await hz;
        await stop.CancelAsync();
        await publishing;

        Assert.True(code == 0, stderr);
        Assert.Matches(@"average rate: [0-9]+\.[0-9]{3}\n\tmin: [0-9.]+s max: [0-9.]+s std dev: [0-9.]+s window: [0-9]+", stdout);
    }

    [Fact]
    public async Task Topic_pub_with_a_field_the_type_lacks_fails_naming_it()
    {
        var (code, _, stderr) = await RunCli("topic", "pub", UniqueTopic("bad"), "geometry_msgs/msg/Twist", "{linear: {q: 1}}", "--count", "1");

        Assert.Equal(1, code);
        Assert.Contains("linear.q", stderr, StringComparison.Ordinal);
        Assert.Contains("geometry_msgs/msg/Twist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "topic", "pub", "/bounds", "std_msgs/msg/String", "{}", "-r", "1e9")]
    [InlineData("--rate", "topic", "pub", "/bounds", "std_msgs/msg/String", "{}", "-r", "0")]
    [InlineData("--wait-matching", "topic", "pub", "/bounds", "std_msgs/msg/String", "{}", "--count", "1", "--wait-matching", "-1")]
    [InlineData("--count", "topic", "pub", "/bounds", "std_msgs/msg/String", "{}", "--count", "0")]
    [InlineData("--count", "topic", "pub", "/bounds", "std_msgs/msg/String", "{}", "--count", "-1")]
    [InlineData("--qos-depth", "topic", "pub", "/bounds", "std_msgs/msg/String", "{}", "--qos-depth", "0")]
    [InlineData("--wait", "topic", "echo", "/bounds", "--wait", "nan")]
    [InlineData("--count", "topic", "echo", "/bounds", "--count", "0")]
    [InlineData("--duration", "topic", "hz", "/bounds", "--duration", "-1")]
    [InlineData("--window", "topic", "hz", "/bounds", "--window", "0")]
    [InlineData("--spin-time", "topic", "list", "--spin-time", "-1")]
    [InlineData("--spin-time", "topic", "list", "--spin-time", "1e300")]
    [InlineData("--count", "topic", "bench", "rtt", "--count", "0")]
    public async Task An_out_of_range_flag_is_one_line_naming_it_and_exit_1(string flag, params string[] args)
    {
        var (code, stdout, stderr) = await RunCli(args);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"sim2real topic {args[1]}", stderr, StringComparison.Ordinal);
        Assert.Contains($": error: command line: {flag}: must be ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Topic_echo_with_a_type_started_before_a_publisher_of_another_type_fails_naming_both()
    {
        var topic = UniqueTopic("late");
        using var node = new RosNode(Options());
        var echo = RunCli("topic", "echo", topic, "--type", "sensor_msgs/msg/Image");
        // The echo has resolved its type and subscribed once its reader shows in discovery: only then the publisher.
        var reader = await Eventually.FindAsync(() => node.DiscoverEndpoints().FirstOrDefault(e => !e.IsPublisher && e.Topic == topic),
            TimeSpan.FromSeconds(20));
        Assert.NotNull(reader);
        using var publisher = node.CreatePublisher<RosString>(topic);

        var (code, _, stderr) = await echo;

        Assert.Equal(1, code);
        Assert.Contains($"error: {topic}: --type: the topic is published as std_msgs/msg/String (1 publisher), not sensor_msgs/msg/Image", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_echo_with_a_type_and_no_publisher_says_after_the_wait_what_discovery_shows()
    {
        var topic = UniqueTopic("silent");
        using var echo = StartCli(withUri: true, "topic", "echo", topic, "--type", "sensor_msgs/msg/Image", "--wait", "0.5");
        try
        {
            var line = await echo.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"WARNING: {topic} [sensor_msgs/msg/Image]: nothing received within 0.5 s; discovery shows no publisher of the topic; still waiting (Ctrl+C to stop)", line);
            Assert.False(echo.HasExited, "the echo goes on waiting, as ros2 topic echo does");
        }
        finally
        {
            echo.Kill();
            await echo.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Topic_bench_rtt_measures_every_round_trip_to_a_pong_process()
    {
        var (code, stdout, stderr) = await RunCli("topic", "bench", "rtt", "--count", "300", "--warmup", "30");

        Assert.True(code == 0, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^rtt size 12 count 300 mean [0-9.]+us min [0-9.]+us 50% [0-9.]+us 90% [0-9.]+us 99% [0-9.]+us max [0-9.]+us$", lines[0]);
        Assert.Matches(@"^rtt per-second windows \(median of [0-9]+, as ddsperf reports\) 50% [0-9.]+us 99% [0-9.]+us$", lines[1]);
        Assert.StartsWith("rtt/2 (ddsperf's printed measure) 50% ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_bench_throughput_reports_what_the_sink_process_received_of_what_was_sent()
    {
        var (code, stdout, stderr) = await RunCli("topic", "bench", "throughput", "--seconds", "0.3", "--width", "16", "--height", "8");

        Assert.True(code == 0, stderr);
        var match = System.Text.RegularExpressions.Regex.Match(stdout,
            @"^throughput image 16x8x3 \(384 B\) sent ([0-9]+) in [0-9.]+s \([0-9]+ msg/s\); received ([0-9]+) in [0-9.]+s: [0-9]+ msg/s, [0-9]+ Mb/s, malformed 0\n$");
        Assert.True(match.Success, stdout);
        Assert.Equal(match.Groups[1].Value, match.Groups[2].Value);
    }

    [Fact]
    public async Task Topic_echo_with_no_CYCLONEDDS_URI_receives_over_loopback_and_binds_no_other_address()
    {
        var topic = UniqueTopic("default_env");
        using var node = new RosNode(Options());
        using var publisher = node.CreatePublisher<RosString>(topic, QosProfile.Latched);
        publisher.Publish(new RosString { Data = "on lo" });
        using var echo = StartCli(withUri: false, "topic", "echo", topic);
        try
        {
            // The project's loopback configuration requires its receive sockets to be held to lo (the node fails to
            // start otherwise), so an echo that prints has them held; /proc shows the rest from outside.
            Assert.Equal("data: on lo", await echo.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            var sockets = UdpSocketTable.OfProcess(echo.Id);

            Assert.NotEmpty(sockets);
            Assert.All(sockets, s => Assert.True(s.IsLoopback || s.IsWildcard, $"{s} is bound to an address other hosts reach"));
            Assert.DoesNotContain(sockets, s => s.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
        }
        finally
        {
            echo.Kill();
            await echo.WaitForExitAsync();
        }
    }

    private static string UniqueTopic(string leaf) => $"/t{Guid.NewGuid():N}/{leaf}";

    // Room for parallel tests' participants on one host (each needs a free participant index for unicast discovery).
    private static readonly NetworkOptions Network = NetworkOptions.Loopback with { MaxParticipantsPerHost = 60 };

    private static RosOptions Options() => new() { DomainId = Domain, NodeName = "cli_test", Network = Network };

    private static async Task<(int Code, string Stdout, string Stderr)> RunCli(params string[] args)
    {
        using var process = StartCli(withUri: true, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            throw new TimeoutException($"sim2real {string.Join(' ', args)} did not finish; stdout: {await stdout}; stderr: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    // The CLI in this test's domain; with the loopback configuration as CYCLONEDDS_URI, or with no DDS network
    // variable at all (the user's default).
    private static Process StartCli(bool withUri, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sim2real.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var variable in new[] { "CYCLONEDDS_URI", "ROS_AUTOMATIC_DISCOVERY_RANGE", "ROS_LOCALHOST_ONLY", "ROS_STATIC_PEERS" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["ROS_DOMAIN_ID"] = Domain.ToString(CultureInfo.InvariantCulture);
        if (withUri)
        {
            start.Environment["CYCLONEDDS_URI"] = Network.ToCycloneXml();
        }

        return Process.Start(start)!;
    }
}
