using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

public class QosTests
{
    [Fact]
    public async Task Best_effort_publisher_and_reliable_subscription_never_connect_and_the_mismatch_is_reported()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/cmd_vel";
        using var a = new RosNode(RosTestEnvironment.Options("pub"));
        using var b = new RosNode(RosTestEnvironment.Options("sub"));
        using var subscription = b.CreateSubscription<Twist>(topic, QosProfile.Default);
        var reported = new TaskCompletionSource<EndpointStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription.IncompatibleQosDetected += status => reported.TrySetResult(status);

        using var publisher = a.CreatePublisher<Twist>(topic, QosProfile.SensorData);
        var status = await reported.Task.WaitAsync(TimeSpan.FromSeconds(10));
        publisher.Publish(new Twist());

        Assert.Equal("RELIABILITY", status.LastIncompatiblePolicy);
        Assert.Contains(topic, status.LastError, StringComparison.Ordinal);
        Assert.Contains("geometry_msgs/msg/Twist", status.LastError, StringComparison.Ordinal);
        Assert.Equal(0u, subscription.Status.Matched);
        Assert.Equal(0, subscription.Status.Samples);
    }

    [Fact]
    public async Task Reliable_publisher_serves_a_best_effort_subscription()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/twist";
        using var a = new RosNode(RosTestEnvironment.Options("pub"));
        using var b = new RosNode(RosTestEnvironment.Options("sub"));
        using var subscription = b.CreateSubscription<Twist>(topic, QosProfile.SensorData);
        var first = subscription.FirstAsync().ToTask();
        using var publisher = a.CreatePublisher<Twist>(topic, QosProfile.Default);
        await publisher.WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // Best effort gives no guarantee for a sample sent before the reader knows the writer: keep publishing.
        await Eventually.RepeatUntilAsync(() => publisher.Publish(new Twist { Linear = new Vector3 { X = 0.5 } }), first, every: TimeSpan.FromMilliseconds(50));

        Assert.Equal(0.5, (await first.WaitAsync(TimeSpan.FromSeconds(1))).Linear.X);
    }

    [Fact]
    public async Task A_latched_topic_delivers_its_last_depth_messages_to_a_late_subscription()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/camera_info";
        var latched = QosProfile.Latched.WithDepth(2);
        using var a = new RosNode(RosTestEnvironment.Options("pub"));
        using var publisher = a.CreatePublisher<CameraInfo>(topic, latched);
        for (var width = 1u; width <= 3; width++)
        {
            publisher.Publish(new CameraInfo { Width = width, DistortionModel = "plumb_bob" });
        }

        using var b = new RosNode(RosTestEnvironment.Options("late"));
        using var subscription = b.CreateSubscription<CameraInfo>(topic, latched);
        var infos = await subscription.Take(2).ToList().ToTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([2u, 3u], infos.Select(i => i.Width));
    }

    [Fact]
    public void Keep_last_with_depth_zero_is_rejected_naming_the_topic()
    {
        using var node = new RosNode(RosTestEnvironment.Options());

        var e = Assert.Throws<Core.InvalidConfigException>(() => node.CreatePublisher<Twist>("/bad_depth", QosProfile.Default.WithDepth(0)));

        Assert.Contains("/bad_depth", e.Message, StringComparison.Ordinal);
        Assert.Contains("qos.depth", e.Message, StringComparison.Ordinal);
    }
}
