namespace Sim2Real.Vision;

/// <summary>cv::InterpolationFlags, by value.</summary>
public enum Interpolation
{
    Nearest = 0,
    Linear = 1,
    Cubic = 2,
    Area = 3,
}
