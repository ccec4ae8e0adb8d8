namespace Sim2Real.Mcap.Records;

/// <summary>Header (0x01): the profile (<c>ros2</c>) and the writing library.</summary>
public sealed record McapHeader(string Profile, string Library) : McapRecord;
