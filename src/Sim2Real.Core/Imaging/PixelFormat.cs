namespace Sim2Real.Core.Imaging;

/// <summary>Channel order of 8-bit pixels. OpenCV decodes and captures BGR; renderers and networks use RGB.</summary>
public enum PixelFormat
{
    Gray = 1,
    Bgr = 3,
    Rgb = 4,
    Bgra = 5,
}
