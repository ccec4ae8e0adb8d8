using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>How a <see cref="RosNode"/> joins the ROS 2 graph.</summary>
public sealed record RosOptions
{
    /// <summary>The highest domain id ROS 2 allows on Linux (port arithmetic limits DDS to 232).</summary>
    public const int MaxDomainId = 232;

    public int DomainId { get; init; }

    public string NodeName { get; init; } = "sim2real";

    public string Namespace { get; init; } = "/";

    /// <summary>
    /// The network configuration the project writes; used only when <see cref="CycloneUri"/> is null. Null leaves
    /// Cyclone to its own defaults (ROS 2's SYSTEM_DEFAULT range).
    /// </summary>
    public NetworkOptions? Network { get; init; } = NetworkOptions.Loopback;

    /// <summary>
    /// The value of <c>CYCLONEDDS_URI</c> (XML and/or file URIs): when set, it is the whole configuration, as Cyclone
    /// reads it for ROS 2 users, and <see cref="Network"/> is not used.
    /// </summary>
    public string? CycloneUri { get; init; }

    /// <summary>Attempts to create a DDS entity before giving up (exponential backoff between them).</summary>
    public int CreateAttempts { get; init; } = 5;

    public TimeSpan CreateBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Announce the node on ros_discovery_info so `ros2 node list` and friends see it.</summary>
    public bool AnnounceGraph { get; init; } = true;

    /// <summary>
    /// Options from the ROS 2 environment (<see cref="RosEnvironment"/>): ROS_DOMAIN_ID (default 0),
    /// ROS_AUTOMATIC_DISCOVERY_RANGE (default LOCALHOST), ROS_LOCALHOST_ONLY, ROS_STATIC_PEERS and CYCLONEDDS_URI.
    /// </summary>
    public static RosOptions FromEnvironment(string nodeName = "sim2real", RosEnvironment? environment = null)
    {
        environment ??= RosEnvironment.Read();
        var options = new RosOptions
        {
            DomainId = environment.DomainId,
            NodeName = nodeName,
            Network = environment.Network,
            CycloneUri = environment.CycloneUri,
        };
        options.Validate();
        return options;
    }

    /// <summary>The Cyclone configuration string the domain is created with ("" for Cyclone's defaults).</summary>
    public string CycloneConfig => CycloneUri ?? Network?.ToCycloneXml() ?? "";

    /// <summary>Where <see cref="CycloneConfig"/> comes from, as errors name it.</summary>
    public string CycloneConfigSource => CycloneUri is not null ? "CYCLONEDDS_URI" : Network is null ? "Cyclone's defaults" : "the network options";

    /// <summary>Whether the project configured loopback only, so the domain's receive sockets must be held to it.</summary>
    public bool IsLoopbackOnly => CycloneUri is null && Network is { IsLoopbackOnly: true };

    public void Validate()
    {
        if (DomainId is < 0 or > MaxDomainId)
        {
            throw new InvalidConfigException("ros options", "ROS_DOMAIN_ID", $"must be 0..{MaxDomainId}, got {DomainId}");
        }

        if (!TopicName.IsValidNodeName(NodeName))
        {
            throw new InvalidConfigException("ros options", "node_name", $"'{NodeName}' is not a valid ROS 2 node name (letters, digits, underscores; not starting with a digit)");
        }

        if (!TopicName.IsValidNamespace(Namespace))
        {
            throw new InvalidConfigException("ros options", "namespace", $"'{Namespace}' is not a valid ROS 2 namespace (absolute, e.g. / or /robot1)");
        }

        if (CreateAttempts < 1)
        {
            throw new InvalidConfigException("ros options", "create_attempts", $"must be at least 1, got {CreateAttempts}");
        }

        if (CreateBackoff < TimeSpan.Zero)
        {
            throw new InvalidConfigException("ros options", "create_backoff", "must not be negative");
        }

        if (CycloneUri is null)
        {
            Network?.Validate();
        }
    }
}
