namespace Sim2Real.Mcap.Records;

/// <summary>Metadata (0x0C): named key-value pairs (git commit, host, robot).</summary>
public sealed record McapMetadata(string Name, IReadOnlyDictionary<string, string> Values) : McapRecord;
