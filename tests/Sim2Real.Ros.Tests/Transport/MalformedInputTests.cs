using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

public class MalformedInputTests
{
    [Fact]
    public async Task Truncated_and_garbage_samples_are_counted_and_dropped_and_the_next_good_one_arrives()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/image";
        using var a = new RosNode(RosTestEnvironment.Options("pub"));
        using var b = new RosNode(RosTestEnvironment.Options("sub"));
        using var subscription = b.CreateSubscription<Image>(topic, RosTestEnvironment.Lossless);
        var good = subscription.FirstAsync().ToTask();
        using var raw = a.CreateSerializedPublisher(topic, Image.TypeName, RosTestEnvironment.Lossless);
        await raw.WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var image = RosMessage.Encode(new Image { Height = 2, Width = 2, Encoding = "mono8", Step = 2, Data = [1, 2, 3, 4] });

        raw.Publish(image.AsSpan(0, image.Length - 3));           // truncated inside the pixel data
        raw.Publish([0x00, 0x01, 0x00, 0x00, 0xff, 0xff, 0xff]); // a header and junk
        raw.Publish([0x07, 0x07]);                               // not even an encapsulation header
        raw.Publish(image);

        var received = await good.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2, 3, 4], received.Data);
        Assert.Equal(3, subscription.Status.Malformed);
        Assert.Equal(1, subscription.Status.Samples);
        Assert.Contains("malformed", subscription.Status.LastError, StringComparison.Ordinal);
        Assert.Contains("sensor_msgs/msg/Image", subscription.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_C_writer_sending_another_type_under_the_Image_name_is_counted_and_dropped()
    {
        var prefix = RosTestEnvironment.UniquePrefix();
        using var node = new RosNode(RosTestEnvironment.Options());
        using var subscription = node.CreateSubscription<Image>($"/{prefix}/image", RosTestEnvironment.Lossless);

        using var impostor = EchoPeer.StartC("impostor", $"{prefix}/image", "sensor_msgs::msg::dds_::Image_", "3");
        await impostor.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => subscription.Status.Malformed >= 3);

        Assert.Equal(0, impostor.ExitCode);
        Assert.Equal(3, subscription.Status.Malformed);
        Assert.Equal(0, subscription.Status.Samples);
    }

    [Fact]
    public async Task An_exception_in_a_subscriber_is_counted_and_later_messages_still_arrive()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/joint_states";
        using var node = new RosNode(RosTestEnvironment.Options());
        // Volatile: a plain Subject keeps a throwing observer subscribed (a ReplaySubject would detach it, as Rx does).
        using var subscription = node.CreateSubscription<JointState>(topic);
        var calls = 0;
        var second = new TaskCompletionSource<JointState>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var observer = subscription.Subscribe(m =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("observer bug");
            }

            second.TrySetResult(m);
        });
        using var publisher = node.CreatePublisher<JointState>(topic);
        await publisher.WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // Volatile samples sent before the reader knows the writer may not arrive: publish until the second does.
        await Eventually.RepeatUntilAsync(() => publisher.Publish(new JointState { Name = ["b"], Position = [2] }), second.Task);

        Assert.Equal(["b"], (await second.Task.WaitAsync(TimeSpan.FromSeconds(1))).Name);
        Assert.Equal(1, subscription.Status.ObserverFaults);
        Assert.Contains("observer bug", subscription.Status.LastError, StringComparison.Ordinal);
    }
}
