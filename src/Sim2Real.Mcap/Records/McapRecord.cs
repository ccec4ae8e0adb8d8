namespace Sim2Real.Mcap.Records;

/// <summary>One record of an MCAP file, as the specification defines its fields.</summary>
public abstract record McapRecord;
