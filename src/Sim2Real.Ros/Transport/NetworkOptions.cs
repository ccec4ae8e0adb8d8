using System.Net;
using System.Security;
using System.Text;
using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// Where DDS traffic goes when <c>CYCLONEDDS_URI</c> is not set. The default keeps everything on loopback
/// (unicast discovery to 127.0.0.1, no multicast), so nothing leaks onto a lab network by accident; for a real robot
/// name its interface(s) and the peers to discover.
/// </summary>
public sealed record NetworkOptions
{
    public static NetworkOptions Loopback { get; } = new();

    /// <summary>Network interfaces by name (e.g. <c>lo</c>, <c>eth0</c>) or address.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = ["lo"];

    /// <summary>Unicast discovery peers (addresses or host names).</summary>
    public IReadOnlyList<string> Peers { get; init; } = ["127.0.0.1"];

    public bool AllowMulticast { get; init; }

    /// <summary>Upper bound on participants per host for unicast discovery (Cyclone's MaxAutoParticipantIndex).</summary>
    public int MaxParticipantsPerHost { get; init; } = 20;

    /// <summary>Socket receive buffer, e.g. "4MB"; images at high rate need more than the OS default.</summary>
    public string SocketReceiveBufferSize { get; init; } = "4MB";

    public void Validate()
    {
        if (Interfaces.Count == 0 || Interfaces.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidConfigException("ros network options", "interfaces", "name at least one network interface, e.g. lo or eth0");
        }

        if (Peers.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidConfigException("ros network options", "peers", "a peer address is empty");
        }

        if (MaxParticipantsPerHost is < 1 or > 120)
        {
            throw new InvalidConfigException("ros network options", "max_participants_per_host", $"must be 1..120, got {MaxParticipantsPerHost}");
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
        var xml = new StringBuilder("<CycloneDDS><Domain id=\"any\"><General><Interfaces>");
        foreach (var name in Interfaces)
        {
            var attribute = IPAddress.TryParse(name, out _) ? "address" : "name";
            xml.Append($"<NetworkInterface {attribute}=\"{SecurityElement.Escape(name)}\"/>");
        }

        xml.Append($"</Interfaces><AllowMulticast>{(AllowMulticast ? "true" : "false")}</AllowMulticast></General>");
        xml.Append($"<Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>{MaxParticipantsPerHost}</MaxAutoParticipantIndex>");
        if (Peers.Count > 0)
        {
            xml.Append("<Peers>");
            foreach (var peer in Peers)
            {
                xml.Append($"<Peer address=\"{SecurityElement.Escape(peer)}\"/>");
            }

            xml.Append("</Peers>");
        }

        xml.Append($"</Discovery><Internal><SocketReceiveBufferSize min=\"{SocketReceiveBufferSize}\"/></Internal></Domain></CycloneDDS>");
        return xml.ToString();
    }
}
