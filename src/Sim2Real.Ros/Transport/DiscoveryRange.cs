namespace Sim2Real.Ros.Transport;

/// <summary>
/// How far automatic discovery reaches: ROS 2's <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c> (rmw_automatic_discovery_range_t).
/// </summary>
public enum DiscoveryRange
{
    /// <summary>No discovery with other processes; only explicitly shared domain tags would meet.</summary>
    Off,

    /// <summary>Only this host (this project's default): the loopback interface, unicast to 127.0.0.1, plus static peers.</summary>
    Localhost,

    /// <summary>The local network: Cyclone's default interface with multicast, plus static peers (ROS 2's default before Kilted).</summary>
    Subnet,

    /// <summary>Cyclone's own defaults, untouched.</summary>
    SystemDefault,
}
