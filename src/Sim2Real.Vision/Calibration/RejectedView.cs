namespace Sim2Real.Vision.Calibration;

/// <summary>A view left out of the calibration, and why.</summary>
public sealed record RejectedView(string Name, string Reason);
