using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using String = Sim2Real.Ros.Messages.StdMsgs.String;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

public class InProcessTests
{
    [Fact]
    public async Task A_string_published_by_one_node_reaches_a_subscription_of_another()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/chatter";
        using var a = new RosNode(RosTestEnvironment.Options("a"));
        using var b = new RosNode(RosTestEnvironment.Options("b"));
        using var subscription = b.CreateSubscription<String>(topic, RosTestEnvironment.Lossless);
        var received = subscription.Take(3).ToList().ToTask();
        using var publisher = a.CreatePublisher<String>(topic, RosTestEnvironment.Lossless);
        await publisher.WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 3; i++)
        {
            publisher.Publish(new String { Data = $"hello {i}" });
        }

        var messages = await received.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["hello 0", "hello 1", "hello 2"], messages.Select(m => m.Data));
    }

    [Fact]
    public async Task Observe_is_a_cold_observable_that_gets_latched_messages_per_subscription()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/robot_description";
        using var a = new RosNode(RosTestEnvironment.Options("a"));
        using var b = new RosNode(RosTestEnvironment.Options("b"));
        using var publisher = a.CreatePublisher<String>(topic, QosProfile.Latched);
        publisher.Publish(new String { Data = "<robot/>" });
        var description = b.Observe<String>(topic, QosProfile.Latched);

        // Each subscription creates (and on completion deletes) its own reader, and each gets the latched sample.
        var first = await description.FirstAsync().ToTask().WaitAsync(TimeSpan.FromSeconds(10));
        var second = await description.FirstAsync().ToTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("<robot/>", first.Data);
        Assert.Equal("<robot/>", second.Data);
    }

    [Fact]
    public async Task Publishing_from_several_threads_delivers_every_message_intact()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/many";
        var keepAll = RosTestEnvironment.Lossless with { History = History.KeepAll };
        using var a = new RosNode(RosTestEnvironment.Options("a"));
        using var b = new RosNode(RosTestEnvironment.Options("b"));
        using var subscription = b.CreateSubscription<String>(topic, keepAll);
        var received = subscription.Take(400).ToList().ToTask();
        using var publisher = a.CreatePublisher<String>(topic, keepAll);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                publisher.Publish(new String { Data = $"{t}:{i}:" + new string((char)('a' + t), i) });
            }
        })));

        var messages = await received.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(400, messages.Select(m => m.Data).Distinct().Count());
        Assert.All(messages, m =>
        {
            var parts = m.Data.Split(':');
            Assert.Equal(new string((char)('a' + int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)), parts[2]);
        });
        Assert.Equal(0, subscription.Status.Malformed);
    }
}
