using System.Net;
using System.Security;
using System.Text;
using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// The Cyclone network configuration this project writes when <c>CYCLONEDDS_URI</c> is not set. The default
/// (<see cref="Loopback"/>, ROS 2's LOCALHOST range) keeps everything on this host: the loopback interface, unicast
/// discovery to 127.0.0.1, no multicast; Cyclone's wildcard receive sockets are then held to <c>lo</c> as well (see
/// <see cref="IsLoopbackOnly"/>). For a robot network use <see cref="For"/> with SUBNET, or name the interfaces.
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>LOCALHOST: loopback only, unicast discovery to this host.</summary>
    public static NetworkOptions Loopback { get; } = new();

    /// <summary>
    /// Network interfaces by name (e.g. <c>lo</c>, <c>eth0</c>) or address; empty lets Cyclone pick (its default:
    /// the first multicast-capable non-loopback interface).
    /// </summary>
    public IReadOnlyList<string> Interfaces { get; init; } = ["lo"];

    /// <summary>Unicast discovery peers (addresses or host names).</summary>
    public IReadOnlyList<string> Peers { get; init; } = ["127.0.0.1"];

    public bool AllowMulticast { get; init; }

    /// <summary>
    /// Participant indices from 0 (Cyclone's ParticipantIndex auto), which fixes the unicast ports so that unicast
    /// peers can be found; false gives random ports (ParticipantIndex none), which only multicast or nothing can find.
    /// </summary>
    public bool AutomaticParticipantIndex { get; init; } = true;

    /// <summary>Upper bound on participants per host for unicast discovery (Cyclone's MaxAutoParticipantIndex).</summary>
    public int MaxParticipantsPerHost { get; init; } = 20;

    /// <summary>Cyclone's Discovery/Tag: only participants with the same tag discover each other.</summary>
    public string? DiscoveryTag { get; init; }

    /// <summary>Socket receive buffer, e.g. "4MB"; images at high rate need more than the OS default.</summary>
    public string SocketReceiveBufferSize { get; init; } = "4MB";

    /// <summary>
    /// Whether every interface is a loopback one. Then the receive sockets, which Cyclone 0.10 always binds to the
    /// wildcard address, are held to the loopback device after the domain starts (see <c>LoopbackHold</c>).
    /// </summary>
    public bool IsLoopbackOnly => Interfaces.Count > 0 && Interfaces.All(IsLoopbackInterface);

    /// <summary>
    /// The configuration ROS 2's discovery range stands for (rmw_cyclonedds's choices, with LOCALHOST held to the
    /// loopback interface), or null for SYSTEM_DEFAULT, which leaves Cyclone's defaults untouched.
    /// </summary>
    public static NetworkOptions? For(DiscoveryRange range, IReadOnlyList<string> staticPeers)
    {
        ArgumentNullException.ThrowIfNull(staticPeers);
        return range switch
        {
            DiscoveryRange.Localhost when staticPeers.Count == 0 => Loopback,
            DiscoveryRange.Localhost when staticPeers.All(IsLoopbackPeer) =>
                Loopback with { Peers = [.. Loopback.Peers.Union(staticPeers, StringComparer.OrdinalIgnoreCase)] },
            // Static peers on other hosts must reach this one, so the interface cannot stay loopback: discovery still
            // goes only to this host and the named peers (no multicast), as ROS 2 defines LOCALHOST plus static peers.
            DiscoveryRange.Localhost => Loopback with { Interfaces = [], Peers = [.. Loopback.Peers.Union(staticPeers, StringComparer.OrdinalIgnoreCase)] },
            DiscoveryRange.Subnet => new NetworkOptions { Interfaces = [], AllowMulticast = true, Peers = staticPeers },
            // rmw_cyclonedds's OFF: no multicast, no peers, random ports and a tag no other process has.
            DiscoveryRange.Off => Loopback with
            {
                Peers = [],
                AutomaticParticipantIndex = false,
                DiscoveryTag = $"ros_discovery_off_{Environment.ProcessId}",
            },
            DiscoveryRange.SystemDefault => null,
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, null),
        };
    }

    public void Validate()
    {
        if (Interfaces.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidConfigException("ros network options", "interfaces", "an interface name is empty");
        }

        if (Peers.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidConfigException("ros network options", "peers", "a peer address is empty");
        }

        if (MaxParticipantsPerHost is < 1 or > 120)
        {
            throw new InvalidConfigException("ros network options", "max_participants_per_host", $"must be 1..120, got {MaxParticipantsPerHost}");
        }

        if (DiscoveryTag is not null && !System.Text.RegularExpressions.Regex.IsMatch(DiscoveryTag, "^[A-Za-z0-9_]+$"))
        {
            throw new InvalidConfigException("ros network options", "discovery_tag", $"'{DiscoveryTag}' must be letters, digits and underscores");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(SocketReceiveBufferSize, "^[0-9]+(B|kB|KiB|MB|MiB)?$"))
        {
            throw new InvalidConfigException("ros network options", "socket_receive_buffer_size", $"'{SocketReceiveBufferSize}' is not a size such as 4MB");
        }
    }

    /// <summary>The Cyclone XML configuration these options stand for.</summary>
    public string ToCycloneXml()
    {
        Validate();
        var xml = new StringBuilder("<CycloneDDS><Domain id=\"any\"><General>");
        if (Interfaces.Count > 0)
        {
            xml.Append("<Interfaces>");
            foreach (var name in Interfaces)
            {
                var attribute = IPAddress.TryParse(name, out _) ? "address" : "name";
                xml.Append($"<NetworkInterface {attribute}=\"{SecurityElement.Escape(name)}\"/>");
            }

            xml.Append("</Interfaces>");
        }

        xml.Append($"<AllowMulticast>{(AllowMulticast ? "true" : "false")}</AllowMulticast></General><Discovery>");
        xml.Append(AutomaticParticipantIndex
            ? $"<ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>{MaxParticipantsPerHost}</MaxAutoParticipantIndex>"
            : "<ParticipantIndex>none</ParticipantIndex>");
        if (Peers.Count > 0)
        {
            xml.Append("<Peers>");
            foreach (var peer in Peers)
            {
                xml.Append($"<Peer address=\"{SecurityElement.Escape(peer)}\"/>");
            }

            xml.Append("</Peers>");
        }

        if (DiscoveryTag is not null)
        {
            xml.Append($"<Tag>{DiscoveryTag}</Tag>");
        }

        xml.Append($"</Discovery><Internal><SocketReceiveBufferSize min=\"{SocketReceiveBufferSize}\"/></Internal></Domain></CycloneDDS>");
        return xml.ToString();
    }

    private static bool IsLoopbackInterface(string name) =>
        name == "lo" || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));

    private static bool IsLoopbackPeer(string peer) =>
        peer.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(peer, out var address) && IPAddress.IsLoopback(address));
}
