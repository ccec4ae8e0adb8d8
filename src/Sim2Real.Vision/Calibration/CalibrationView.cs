namespace Sim2Real.Vision.Calibration;

/// <summary>One used view and its RMS reprojection error in pixels.</summary>
public sealed record CalibrationView(string Name, double RmsErrorPixels);
