using Sim2Real.Ros.Transport;

namespace Sim2Real.Runtime.Launch;

/// <summary>A resolved topic: its name and the QoS the runtime uses on it.</summary>
public sealed record TopicEndpoint(string Name, QosProfile Qos)
{
    public override string ToString() => $"{Name} [{Qos}]";
}
