using Sim2Real.Core;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

/// <summary>ROS 2's discovery variables, read as rcl and rmw_cyclonedds read them, with this project's LOCALHOST default.</summary>
public class RosEnvironmentTests
{
    [Fact]
    public void With_no_variables_discovery_stays_on_this_host()
    {
        var environment = Read();

        Assert.Equal(DiscoveryRange.Localhost, environment.Range);
        Assert.Equal(NetworkOptions.Loopback, environment.Network);
        Assert.True(environment.Network!.IsLoopbackOnly);
        Assert.Null(environment.CycloneUri);
        Assert.Empty(environment.Warnings);
    }

    [Fact]
    public void SUBNET_lets_Cyclone_pick_the_interface_with_multicast_and_adds_the_static_peers()
    {
        var environment = Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET"), ("ROS_STATIC_PEERS", "192.168.1.10; robot.local;"));
        var xml = environment.Network!.ToCycloneXml();

        Assert.Equal(DiscoveryRange.Subnet, environment.Range);
        Assert.False(environment.Network.IsLoopbackOnly);
        Assert.DoesNotContain("<Interfaces>", xml, StringComparison.Ordinal);
        Assert.Contains("<AllowMulticast>true</AllowMulticast>", xml, StringComparison.Ordinal);
        Assert.Contains("<Peers><Peer address=\"192.168.1.10\"/><Peer address=\"robot.local\"/></Peers>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void LOCALHOST_with_a_static_peer_on_another_host_leaves_loopback_but_still_never_multicasts()
    {
        var network = Read(("ROS_STATIC_PEERS", "10.0.0.7")).Network!;

        Assert.False(network.IsLoopbackOnly);
        Assert.Empty(network.Interfaces);
        Assert.False(network.AllowMulticast);
        Assert.Equal(["127.0.0.1", "10.0.0.7"], network.Peers);
    }

    [Fact]
    public void LOCALHOST_with_loopback_static_peers_stays_on_loopback()
    {
        var network = Read(("ROS_STATIC_PEERS", "localhost;127.0.0.2")).Network!;

        Assert.True(network.IsLoopbackOnly);
        Assert.Equal(["127.0.0.1", "localhost", "127.0.0.2"], network.Peers);
    }

    [Fact]
    public void OFF_discovers_nothing_and_ignores_static_peers_with_a_warning()
    {
        var environment = Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF"), ("ROS_STATIC_PEERS", "10.0.0.7"));
        var xml = environment.Network!.ToCycloneXml();

        Assert.True(environment.Network.IsLoopbackOnly);
        Assert.Empty(environment.Network.Peers);
        Assert.Contains("<ParticipantIndex>none</ParticipantIndex>", xml, StringComparison.Ordinal);
        Assert.Contains($"<Tag>ros_discovery_off_{Environment.ProcessId}</Tag>", xml, StringComparison.Ordinal);
        Assert.Contains(environment.Warnings, w => w.Contains("static peers are ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void SYSTEM_DEFAULT_leaves_Cyclone_to_its_own_configuration()
    {
        var environment = Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", "SYSTEM_DEFAULT"));
        var options = RosOptions.FromEnvironment("node", environment);

        Assert.Null(environment.Network);
        Assert.Equal("", options.CycloneConfig);
        Assert.False(options.IsLoopbackOnly);
    }

    [Fact]
    public void ROS_LOCALHOST_ONLY_1_prevails_over_the_range_and_the_peers_as_rcl_does()
    {
        var environment = Read(("ROS_LOCALHOST_ONLY", "1"), ("ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET"), ("ROS_STATIC_PEERS", "10.0.0.7"));

        Assert.Equal(DiscoveryRange.Localhost, environment.Range);
        Assert.Empty(environment.StaticPeers);
        Assert.Equal(NetworkOptions.Loopback, environment.Network);
        Assert.Contains(environment.Warnings, w => w.StartsWith("ROS_LOCALHOST_ONLY is deprecated", StringComparison.Ordinal));
        Assert.Contains(environment.Warnings, w => w.Contains("will be ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void ROS_LOCALHOST_ONLY_0_leaves_the_range_in_charge()
    {
        var environment = Read(("ROS_LOCALHOST_ONLY", "0"), ("ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET"));

        Assert.Equal(DiscoveryRange.Subnet, environment.Range);
        Assert.Single(environment.Warnings);
    }

    [Fact]
    public void CYCLONEDDS_URI_is_the_whole_configuration_and_says_so_when_a_range_is_also_set()
    {
        var environment = Read(("CYCLONEDDS_URI", "file:///etc/cyclonedds.xml"), ("ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET"));
        var options = RosOptions.FromEnvironment("node", environment);

        Assert.Null(environment.Network);
        Assert.Equal("file:///etc/cyclonedds.xml", options.CycloneConfig);
        Assert.False(options.IsLoopbackOnly);
        Assert.Contains(environment.Warnings, w => w.StartsWith("CYCLONEDDS_URI is set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("subnet")]
    [InlineData("LAN")]
    public void An_unknown_range_is_refused_naming_the_variable(string value)
    {
        var e = Assert.Throws<InvalidConfigException>(() => Read(("ROS_AUTOMATIC_DISCOVERY_RANGE", value)));

        Assert.Equal("ROS_AUTOMATIC_DISCOVERY_RANGE", e.Field);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ROS_STATIC_PEERS", "robot one")]
    [InlineData("ROS_STATIC_PEERS", "<Peer/>")]
    [InlineData("ROS_DOMAIN_ID", "seven")]
    [InlineData("ROS_DOMAIN_ID", "-1")]
    public void A_malformed_value_is_refused_naming_the_variable(string variable, string value)
    {
        var e = Assert.Throws<InvalidConfigException>(() => Read((variable, value)));

        Assert.Equal(variable, e.Field);
    }

    private static RosEnvironment Read(params (string Name, string Value)[] variables) =>
        RosEnvironment.Read(name => variables.FirstOrDefault(v => v.Name == name).Value);
}
