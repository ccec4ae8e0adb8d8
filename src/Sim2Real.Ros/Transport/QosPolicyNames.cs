namespace Sim2Real.Ros.Transport;

/// <summary>Names of Cyclone's dds_qos_policy_id_t values, as rclcpp prints them in incompatible-QoS warnings.</summary>
internal static class QosPolicyNames
{
    private static readonly string[] Names =
    [
        "INVALID", "USER_DATA", "DURABILITY", "PRESENTATION", "DEADLINE", "LATENCY_BUDGET", "OWNERSHIP",
        "OWNERSHIP_STRENGTH", "LIVELINESS", "TIME_BASED_FILTER", "PARTITION", "RELIABILITY", "DESTINATION_ORDER",
        "HISTORY", "RESOURCE_LIMITS", "ENTITY_FACTORY", "WRITER_DATA_LIFECYCLE", "READER_DATA_LIFECYCLE", "TOPIC_DATA",
        "GROUP_DATA", "TRANSPORT_PRIORITY", "LIFESPAN", "DURABILITY_SERVICE", "PROPERTY", "TYPE_CONSISTENCY_ENFORCEMENT",
        "DATA_REPRESENTATION",
    ];

    public static string Of(uint id) => id < Names.Length ? Names[id] : $"policy {id}";
}
