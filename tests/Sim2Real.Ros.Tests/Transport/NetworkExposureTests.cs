using System.Net;
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
        Assert.DoesNotContain(sockets, s => s.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !s.IsLoopbackOnly);
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

    // Cyclone's default port mapping (DDSI 9.6.1.1): 7400 + 250 d + 10 + 2 i (discovery) and + 11 + 2 i (data).
    private static bool IsUnicastPortOf(int domain, int port)
    {
        var offset = port - (7400 + 250 * domain);
        return offset is >= 10 and < 250;
    }
}
