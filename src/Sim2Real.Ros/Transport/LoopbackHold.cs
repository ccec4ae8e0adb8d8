using System.Runtime.Versioning;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// Holds a loopback-only Cyclone domain's receive sockets to the loopback device. Cyclone 0.10 binds every unicast
/// (and multicast) receive socket to the wildcard address whatever interface it is configured for
/// (<c>ddsi_udp_create_conn</c>: <c>bind_to_any = true</c> for DDSI_TRAN_QOS_RECV_UC and _MC; it has no option to
/// change that), so with <c>lo</c> configured it still accepts datagrams sent to the host's other addresses. After the
/// domain has started, each new wildcard UDP socket gets SO_BINDTODEVICE "lo" (unprivileged since Linux 5.7), after
/// which the kernel delivers it only what arrives on loopback. Its transmit sockets are bound to the interface
/// address (127.0.0.1) already.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class LoopbackHold
{
    /// <summary>This process's UDP sockets now, so that the ones a domain creates can be told apart afterwards.</summary>
    public static HashSet<long> Snapshot() => [.. UdpSocketTable.OfThisProcess().Select(s => s.Inode)];

    /// <summary>
    /// When every socket the domain bound to a specific address is a loopback one (Cyclone bound its transmit
    /// sockets to the interfaces it chose), holds the wildcard ones to <c>lo</c> and returns them; otherwise (the
    /// domain uses a real network) returns none. With <paramref name="required"/> (this project's own loopback
    /// configuration), a domain that is not on loopback is an error.
    /// </summary>
    public static IReadOnlyList<BoundUdpSocket> Apply(HashSet<long> before, bool required, string domain)
    {
        var created = UdpSocketTable.OfThisProcess().Where(s => !before.Contains(s.Inode)).ToList();
        var specific = created.Where(s => !s.IsWildcard).ToList();
        var onLoopback = specific.Count > 0 && specific.All(s => s.IsLoopback);
        if (!onLoopback)
        {
            if (required)
            {
                throw new RosTransportException(domain, "-", "hold the receive sockets to loopback",
                    $"the domain was configured for loopback only, but Cyclone bound {(specific.Count == 0 ? "no interface address" : string.Join(", ", specific))}");
            }

            return [];
        }

        var held = new List<BoundUdpSocket>();
        foreach (var socket in created.Where(s => s.IsWildcard && s.Device is null))
        {
            try
            {
                UdpSocketTable.HoldToDevice(socket.Fd, "lo");
            }
            catch (IOException e)
            {
                throw new RosTransportException(domain, "-", $"hold the receive socket {socket} to loopback",
                    $"{e.Message}; without it the socket accepts datagrams from every interface (see src/Sim2Real.Ros/README.md, Network)");
            }

            held.Add(socket with { Device = "lo" });
        }

        return held;
    }
}
