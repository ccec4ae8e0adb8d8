using Sim2Real.Core;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

public class OptionsTests
{
    [Fact]
    public void The_default_network_is_loopback_only_with_unicast_discovery()
    {
        var xml = NetworkOptions.Loopback.ToCycloneXml();

        Assert.Contains("<NetworkInterface name=\"lo\"/>", xml, StringComparison.Ordinal);
        Assert.Contains("<AllowMulticast>false</AllowMulticast>", xml, StringComparison.Ordinal);
        Assert.Contains("<Peer address=\"127.0.0.1\"/>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_network_names_its_interface_and_peers()
    {
        var xml = new NetworkOptions { Interfaces = ["eth0"], Peers = ["192.168.1.10", "robot.local"] }.ToCycloneXml();

        Assert.Contains("<NetworkInterface name=\"eth0\"/>", xml, StringComparison.Ordinal);
        Assert.Contains("<Peer address=\"192.168.1.10\"/><Peer address=\"robot.local\"/>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(233)]
    public void A_domain_id_outside_what_ROS_2_allows_is_rejected(int domain)
    {
        var e = Assert.Throws<InvalidConfigException>(() => new RosOptions { DomainId = domain }.Validate());

        Assert.Equal("ROS_DOMAIN_ID", e.Field);
    }

    [Theory]
    [InlineData("/camera/image_raw", "rt/camera/image_raw")]
    [InlineData("chatter", "rt/chatter")]
    public void Topics_get_the_rt_prefix(string ros, string dds) => Assert.Equal(dds, TopicName.ToDds(ros));

    [Theory]
    [InlineData("/a//b")]
    [InlineData("/1abc")]
    [InlineData("/a b")]
    [InlineData("/trailing/")]
    public void Invalid_topic_names_are_rejected_naming_the_topic(string name)
    {
        var e = Assert.Throws<InvalidConfigException>(() => TopicName.Resolve(name));

        Assert.Equal(name, e.Origin);
    }
}
