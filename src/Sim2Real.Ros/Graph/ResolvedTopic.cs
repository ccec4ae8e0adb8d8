using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Graph;

/// <summary>A topic's fully qualified name, its message type and the publishers seen when it was resolved.</summary>
public sealed record ResolvedTopic(string Topic, RosMessageType Type, IReadOnlyList<DiscoveredEndpoint> Publishers);
