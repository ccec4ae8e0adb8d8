namespace Sim2Real.Ros.Graph;

/// <summary>A DDS participant seen in discovery: its GUID and USER_DATA (ROS 2 puts <c>enclave=/;</c> there).</summary>
public sealed record DiscoveredParticipant(byte[] Guid, string UserData);
