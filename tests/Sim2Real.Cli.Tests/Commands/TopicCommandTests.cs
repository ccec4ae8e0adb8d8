using System.Diagnostics;
using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Security.Cryptography;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Cli.Tests.Commands;

/// <summary>`./sim2real topic ...` as a separate process against a node in the test process, on loopback.</summary>
public class TopicCommandTests
{
    private static readonly int Domain = RandomNumberGenerator.GetInt32(42, 100);

    [Fact]
    public async Task Topic_pub_publishes_the_YAML_message_to_a_subscription_in_another_process()
    {
        var topic = UniqueTopic("cmd_vel");
        using var node = new RosNode(Options());
        using var subscription = node.CreateSubscription<Twist>(topic);
        var received = subscription.Take(2).ToList().ToTask();

        var (code, stdout, stderr) = await RunCli("topic", "pub", topic, "geometry_msgs/msg/Twist", "{linear: {x: 0.5}, angular: {z: -1.25}}", "--count", "2", "--rate", "50");

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
    public async Task Topic_pub_with_a_field_the_type_lacks_fails_naming_it()
    {
        var (code, _, stderr) = await RunCli("topic", "pub", UniqueTopic("bad"), "geometry_msgs/msg/Twist", "{linear: {q: 1}}", "--count", "1");

        Assert.Equal(1, code);
        Assert.Contains("linear.q", stderr, StringComparison.Ordinal);
        Assert.Contains("geometry_msgs/msg/Twist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static string UniqueTopic(string leaf) => $"/t{Guid.NewGuid():N}/{leaf}";

    private static RosOptions Options() => new() { DomainId = Domain, NodeName = "cli_test", Network = NetworkOptions.Loopback };

    private static async Task<(int Code, string Stdout, string Stderr)> RunCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sim2real.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ROS_DOMAIN_ID"] = Domain.ToString(CultureInfo.InvariantCulture);
        start.Environment["CYCLONEDDS_URI"] = NetworkOptions.Loopback.ToCycloneXml();
        using var process = Process.Start(start)!;
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
}
