using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

/// <summary>
/// What a node exposes to the network, read from /proc/net/udp and /proc/net/udp6 for this process's sockets.
/// Cyclone 0.10 binds its receive sockets to the wildcard address whatever the configuration; on loopback they are
/// held to the lo device, so no other host can reach them.
/// </summary>
[SupportedOSPlatform("linux")]
public class NetworkExposureTests
{
    [Fact]
    public void A_node_on_the_default_network_holds_every_UDP_socket_to_loopback()
    {
        using var node = new RosNode(RosTestEnvironment.Options("exposure"));

        var sockets = UdpSocketTable.OfThisProcess();

        Assert.NotEmpty(sockets);
        Assert.All(sockets, s => Assert.True(s.IsLoopbackOnly, $"{s} can be reached from other hosts; every socket: {string.Join(", ", sockets)}"));
        // The limitation the hold works around: Cyclone's receive sockets are wildcard-bound (discovery and data
        // ports), its transmit socket is bound to the interface address.
        Assert.Contains(sockets, s => s.IsWildcard && s.Device == "lo" && IsUnicastPortOf(RosTestEnvironment.DomainId, s.Port));
        Assert.Contains(sockets, s => s.Address.Equals(IPAddress.Loopback));
        Assert.DoesNotContain(sockets, s => s.Address.AddressFamily == AddressFamily.InterNetworkV6 && !s.IsLoopbackOnly);
    }

    [Fact]
    public void A_loopback_configuration_given_as_CYCLONEDDS_URI_is_held_to_loopback_too()
    {
        var domain = RosTestEnvironment.SecondDomainId;
        using var node = new RosNode(RosTestEnvironment.Options("user_config") with
        {
            DomainId = domain,
            CycloneUri = RosTestEnvironment.LoopbackUri,
        });

        var domainSockets = UdpSocketTable.OfThisProcess().Where(s => s.IsWildcard && IsUnicastPortOf(domain, s.Port)).ToList();

        Assert.NotEmpty(domainSockets);
        Assert.All(domainSockets, s => Assert.Equal("lo", s.Device));
    }

    [Fact]
    public void The_socket_table_reads_IPv4_and_IPv6_bindings_and_the_device_a_socket_is_held_to()
    {
        using var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        v4.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        v6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        using var wildcard = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        wildcard.Bind(new IPEndPoint(IPAddress.Any, 0));
        UdpSocketTable.HoldToDevice((int)wildcard.SafeHandle.DangerousGetHandle(), "lo");

        var sockets = UdpSocketTable.OfThisProcess();

        Assert.Contains(sockets, s => s.Address.Equals(IPAddress.Loopback) && s.Port == ((IPEndPoint)v4.LocalEndPoint!).Port);
        Assert.Contains(sockets, s => s.Address.Equals(IPAddress.IPv6Loopback) && s.Port == ((IPEndPoint)v6.LocalEndPoint!).Port && s.IsLoopbackOnly);
        var held = Assert.Single(sockets, s => s.Port == ((IPEndPoint)wildcard.LocalEndPoint!).Port);
        Assert.True(held.IsWildcard);
        Assert.Equal("lo", held.Device);
        Assert.Equal($"0.0.0.0:{held.Port}%lo", held.ToString());
    }

    // Cyclone's default port mapping (DDSI 9.6.1.1): 7400 + 250 d + 10 + 2 i (discovery) and + 11 + 2 i (data).
    private static bool IsUnicastPortOf(int domain, int port)
    {
        var offset = port - (7400 + 250 * domain);
        return offset is >= 10 and < 250;
    }
}
