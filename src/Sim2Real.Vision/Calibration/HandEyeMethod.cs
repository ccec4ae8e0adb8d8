namespace Sim2Real.Vision.Calibration;

/// <summary>cv::HandEyeCalibrationMethod, by value.</summary>
public enum HandEyeMethod
{
    Tsai = 0,
    Park = 1,
    Horaud = 2,
    Andreff = 3,
    Daniilidis = 4,
}
