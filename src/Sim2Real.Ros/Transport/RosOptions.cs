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

    /// <summary>Used only when <see cref="CycloneUri"/> is null.</summary>
    public NetworkOptions Network { get; init; } = NetworkOptions.Loopback;

    /// <summary>The value of <c>CYCLONEDDS_URI</c>: when set, Cyclone reads its configuration from it as ROS 2 users expect.</summary>
    public string? CycloneUri { get; init; }

    /// <summary>Attempts to create a DDS entity before giving up (exponential backoff between them).</summary>
    public int CreateAttempts { get; init; } = 5;

    public TimeSpan CreateBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Announce the node on ros_discovery_info so `ros2 node list` and friends see it.</summary>
    public bool AnnounceGraph { get; init; } = true;

    /// <summary>Options from the environment: ROS_DOMAIN_ID (default 0) and CYCLONEDDS_URI.</summary>
    public static RosOptions FromEnvironment(string nodeName = "sim2real")
    {
        var domainText = Environment.GetEnvironmentVariable("ROS_DOMAIN_ID");
        var domain = 0;
        if (!string.IsNullOrWhiteSpace(domainText) && !int.TryParse(domainText.Trim(), out domain))
        {
            throw new InvalidConfigException("environment", "ROS_DOMAIN_ID", $"'{domainText}' is not an integer");
        }

        var uri = Environment.GetEnvironmentVariable("CYCLONEDDS_URI");
        var options = new RosOptions
        {
            DomainId = domain,
            NodeName = nodeName,
            CycloneUri = string.IsNullOrWhiteSpace(uri) ? null : uri,
        };
        options.Validate();
        return options;
    }

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
            Network.Validate();
        }
    }
}
