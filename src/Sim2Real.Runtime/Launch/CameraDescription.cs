namespace Sim2Real.Runtime.Launch;

/// <summary>The deployed camera, resolved: its name, calibration file (null: ideal pinhole) and topics.</summary>
public sealed record CameraDescription(string Name, string? CalibrationPath, TopicEndpoint Image, TopicEndpoint Info);
