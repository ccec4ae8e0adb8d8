using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Bags;

/// <summary>A topic of a bag: its name, type and the QoS its publishers offered, and how many messages it holds.</summary>
public sealed record BagTopic(string Name, RosMessageType Type, IReadOnlyList<QosProfile> OfferedQos)
{
    public ulong MessageCount { get; internal set; }
}
