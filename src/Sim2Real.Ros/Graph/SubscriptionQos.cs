using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Graph;

/// <summary>The compatible-QoS rule of <c>ros2 topic echo</c>: a subscription QoS every current publisher can serve.</summary>
public static class SubscriptionQos
{
    /// <summary>
    /// RELIABLE only when every publisher is reliable (a reliable reader never matches a best-effort writer), and
    /// TRANSIENT_LOCAL only when every publisher keeps history for late joiners; a policy given explicitly wins.
    /// With no publisher seen, ROS 2's default (RELIABLE, VOLATILE).
    /// </summary>
    public static QosProfile For(IReadOnlyList<DiscoveredEndpoint> publishers, Reliability? reliability = null, Durability? durability = null)
    {
        ArgumentNullException.ThrowIfNull(publishers);
        var allReliable = publishers.All(p => p.Qos.Reliability == Reliability.Reliable);
        var allLatched = publishers.Count > 0 && publishers.All(p => p.Qos.Durability == Durability.TransientLocal);
        return QosProfile.Default
            .WithReliability(reliability ?? (allReliable ? Reliability.Reliable : Reliability.BestEffort))
            .WithDurability(durability ?? (allLatched ? Durability.TransientLocal : Durability.Volatile));
    }
}
