namespace Sim2Real.Mcap.Bags;

/// <summary>One file of a bag as metadata.yaml lists it: its name in the bag directory, time span and message count.</summary>
public sealed record BagFile(string Path, ulong StartingTime, ulong Duration, ulong MessageCount);
