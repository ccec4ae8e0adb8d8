namespace Sim2Real.Runtime.Recording;

/// <summary>A channel of the log: the topic's name and the MCAP channel id it was given.</summary>
public sealed record RecordedTopic(string Name, ushort Channel);
