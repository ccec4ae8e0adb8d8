namespace Sim2Real.Ros.Transport;

/// <summary>
/// Counters of one reader or writer. A QoS mismatch (e.g. a best-effort publisher and a reliable subscription) means
/// DDS never connects the two: it shows here as <see cref="IncompatibleQos"/> with the offending policy, not as silence.
/// </summary>
public sealed record EndpointStatus(
    string Topic,
    string Type,
    long Samples,
    long Malformed,
    long ObserverFaults,
    uint Matched,
    uint IncompatibleQos,
    string? LastIncompatiblePolicy,
    string? LastError);
