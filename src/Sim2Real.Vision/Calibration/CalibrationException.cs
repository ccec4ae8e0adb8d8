namespace Sim2Real.Vision.Calibration;

/// <summary>The views cannot give a calibration (too few usable views, mixed image sizes, no board found).</summary>
public sealed class CalibrationException : Exception
{
    public CalibrationException(string message)
        : base(message)
    {
    }

    public CalibrationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
