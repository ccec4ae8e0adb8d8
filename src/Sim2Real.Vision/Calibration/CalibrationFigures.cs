using System.Globalization;

namespace Sim2Real.Vision.Calibration;

/// <summary>What a calibration of the sample boards gave: views used, RMS and the pinhole parameters, in pixels.</summary>
public sealed record CalibrationFigures(int Views, double Rms, double Fx, double Fy, double Cx, double Cy)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Views} views, RMS {Rms:0.00000} px, fx {Fx:0.000} fy {Fy:0.000} cx {Cx:0.000} cy {Cy:0.000}");
}
