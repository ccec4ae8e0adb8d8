using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Ros.Tests.Graph;

/// <summary>What <c>topic list -t</c> prints from discovery: each topic once, in name order, with its types.</summary>
public class TopicNamesAndTypesTests
{
    [Fact]
    public void Lists_each_topic_once_in_name_order_with_each_type_once_in_order()
    {
        DiscoveredEndpoint[] endpoints =
        [
            Endpoint("/scan", Twist.TypeName.Dds, Twist.TypeName, publisher: true),
            Endpoint("/chatter", RosString.TypeName.Dds, RosString.TypeName, publisher: true),
            Endpoint("/chatter", RosString.TypeName.Dds, RosString.TypeName, publisher: false),
            Endpoint("/scan", "SomeVendor::RawType", null, publisher: false),
        ];

        var topics = TopicNamesAndTypes.Of(endpoints);

        Assert.Equal(["/chatter", "/scan"], topics.Select(t => t.Topic));
        Assert.Equal(["std_msgs/msg/String"], topics[0].Types);
        Assert.Equal(["SomeVendor::RawType", "geometry_msgs/msg/Twist"], topics[1].Types);
    }

    [Fact]
    public void No_endpoints_are_no_topics() => Assert.Empty(TopicNamesAndTypes.Of([]));

    private static DiscoveredEndpoint Endpoint(string topic, string dds, Ros.Messages.RosTypeName? type, bool publisher) =>
        new(topic, "rt" + topic, dds, type, publisher, QosProfile.Default);
}
