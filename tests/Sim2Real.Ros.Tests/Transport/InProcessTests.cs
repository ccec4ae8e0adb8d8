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
        using var subscription = b.CreateSubscription<String>(topic);
        var received = subscription.Take(3).ToList().ToTask();
        using var publisher = a.CreatePublisher<String>(topic);
        await publisher.WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 3; i++)
        {
            publisher.Publish(new String { Data = $"hello {i}" });
        }

        var messages = await received.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["hello 0", "hello 1", "hello 2"], messages.Select(m => m.Data));
    }
}
