using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Graph;

/// <summary>A publisher or subscription seen in the domain's built-in discovery data.</summary>
public sealed record DiscoveredEndpoint(
    string Topic,
    string DdsTopic,
    string DdsType,
    RosTypeName? Type,
    bool IsPublisher,
    QosProfile Qos)
{
    /// <summary>The type as ros2 prints it, or the DDS name when it is not a ROS type.</summary>
    public string TypeDisplay => Type?.Ros ?? DdsType;
}
