using System.Net;
using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// The ROS 2 environment variables a node honours, read the way rcl reads them: <c>ROS_DOMAIN_ID</c>,
/// <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c> (LOCALHOST when unset, here), the deprecated <c>ROS_LOCALHOST_ONLY</c>,
/// <c>ROS_STATIC_PEERS</c>, and <c>CYCLONEDDS_URI</c>. <see cref="Warnings"/> holds what rcl would log as warnings.
/// </summary>
public sealed record RosEnvironment
{
    /// <summary>rcl's RMW_DISCOVERY_OPTIONS_STATIC_PEERS_MAX_LENGTH, terminator included.</summary>
    public const int MaxStaticPeerLength = 255;

    public int DomainId { get; init; }

    public DiscoveryRange Range { get; init; } = DiscoveryRange.Localhost;

    public IReadOnlyList<string> StaticPeers { get; init; } = [];

    /// <summary>The user's Cyclone configuration; when set it is the whole configuration and the range is not applied.</summary>
    public string? CycloneUri { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The network configuration the range stands for, or null when Cyclone is left to its own configuration
    /// (<c>CYCLONEDDS_URI</c> given, or SYSTEM_DEFAULT).
    /// </summary>
    public NetworkOptions? Network => CycloneUri is not null ? null : NetworkOptions.For(Range, StaticPeers);

    /// <summary>Reads the variables through <paramref name="variable"/> (the process environment when null).</summary>
    public static RosEnvironment Read(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        var warnings = new List<string>();
        var domain = ReadDomain(variable("ROS_DOMAIN_ID"));
        var rangeText = variable("ROS_AUTOMATIC_DISCOVERY_RANGE") ?? "";
        var peersText = variable("ROS_STATIC_PEERS") ?? "";
        var localhostOnly = variable("ROS_LOCALHOST_ONLY") ?? "";
        var uri = variable("CYCLONEDDS_URI");

        DiscoveryRange range;
        IReadOnlyList<string> peers;
        if (localhostOnly.Length > 0)
        {
            warnings.Add("ROS_LOCALHOST_ONLY is deprecated but still honored if it is enabled. Use ROS_AUTOMATIC_DISCOVERY_RANGE and ROS_STATIC_PEERS instead.");
        }

        // rcl: any value starting with "1" enables it, and then it prevails over the range and the static peers.
        if (localhostOnly.StartsWith('1'))
        {
            if (rangeText.Length > 0 || peersText.Length > 0)
            {
                warnings.Add("'localhost_only' is enabled, 'automatic_discovery_range' and 'static_peers' will be ignored.");
            }

            range = DiscoveryRange.Localhost;
            peers = [];
        }
        else
        {
            range = ParseRange(rangeText);
            peers = range is DiscoveryRange.Localhost or DiscoveryRange.Subnet ? ParsePeers(peersText) : [];
            if (range is DiscoveryRange.Off or DiscoveryRange.SystemDefault && peersText.Trim().Length > 0)
            {
                // As rmw_cyclonedds: OFF discovers nothing and SYSTEM_DEFAULT leaves Cyclone's settings alone.
                warnings.Add($"ROS_STATIC_PEERS is set, but ROS_AUTOMATIC_DISCOVERY_RANGE is {Name(range)}, so the static peers are ignored.");
            }
        }

        var cycloneUri = string.IsNullOrWhiteSpace(uri) ? null : uri;
        if (cycloneUri is not null && (rangeText.Length > 0 || peersText.Length > 0 || localhostOnly.StartsWith('1')))
        {
            // rmw_cyclonedds merges the two, but Cyclone appends list settings (NetworkInterface, Peer) across
            // fragments, so a merged loopback interface would sit beside the user's: the user's file is kept whole.
            warnings.Add("CYCLONEDDS_URI is set, so it is the whole DDS network configuration: ROS_AUTOMATIC_DISCOVERY_RANGE, ROS_LOCALHOST_ONLY and ROS_STATIC_PEERS are not applied.");
        }

        return new RosEnvironment
        {
            DomainId = domain,
            Range = range,
            StaticPeers = peers,
            CycloneUri = cycloneUri,
            Warnings = warnings,
        };
    }

    /// <summary>The variable's spelling of <paramref name="range"/>.</summary>
    public static string Name(DiscoveryRange range) => range switch
    {
        DiscoveryRange.Off => "OFF",
        DiscoveryRange.Localhost => "LOCALHOST",
        DiscoveryRange.Subnet => "SUBNET",
        DiscoveryRange.SystemDefault => "SYSTEM_DEFAULT",
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, null),
    };

    private static int ReadDomain(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var domain))
        {
            throw new InvalidConfigException("environment", "ROS_DOMAIN_ID", $"'{text}' is not a domain id (0..{RosOptions.MaxDomainId})");
        }

        return domain;
    }

    // rcl warns and falls back to LOCALHOST on an unknown value; a typo here is refused instead, so that a robot
    // network that was meant to be opened (or closed) does not silently end up otherwise.
    private static DiscoveryRange ParseRange(string text) => text switch
    {
        "" => DiscoveryRange.Localhost,
        "OFF" => DiscoveryRange.Off,
        "LOCALHOST" => DiscoveryRange.Localhost,
        "SUBNET" => DiscoveryRange.Subnet,
        "SYSTEM_DEFAULT" => DiscoveryRange.SystemDefault,
        _ => throw new InvalidConfigException("environment", "ROS_AUTOMATIC_DISCOVERY_RANGE",
            $"'{text}' is not OFF, LOCALHOST, SUBNET or SYSTEM_DEFAULT (the values are upper case, as in ROS 2)"),
    };

    private static string[] ParsePeers(string text)
    {
        var peers = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var peer in peers)
        {
            if (peer.Length > MaxStaticPeerLength)
            {
                throw new InvalidConfigException("environment", "ROS_STATIC_PEERS", $"peer '{peer[..40]}...' is longer than {MaxStaticPeerLength} characters");
            }

            if (!IPAddress.TryParse(peer, out _) && Uri.CheckHostName(peer) != UriHostNameType.Dns)
            {
                throw new InvalidConfigException("environment", "ROS_STATIC_PEERS", $"'{peer}' is not an IP address or host name (peers are separated by ';')");
            }
        }

        return peers;
    }
}
