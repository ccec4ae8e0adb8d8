namespace Sim2Real.Core.Imaging;

public static class PixelFormatExtensions
{
    public static int Channels(this PixelFormat format) => format switch
    {
        PixelFormat.Gray => 1,
        PixelFormat.Bgr or PixelFormat.Rgb => 3,
        PixelFormat.Bgra => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown pixel format"),
    };
}
