namespace Sim2Real.Core.Imaging;

/// <summary>
/// An 8-bit image in a managed array, rows top to bottom, tightly packed (stride = width x channels).
/// The one image type of the project: renderers, cameras, ROS images and OpenCV all read and write it. Native calls
/// borrow the array pinned for the call; nothing native ever owns it.
/// </summary>
public sealed class Image
{
    public Image(int width, int height, PixelFormat format, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"image size must be positive, got {width}x{height}");
        }

        var expected = (long)width * height * format.Channels();
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"a {width}x{height} {format} image holds {expected} bytes, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Format = format;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public PixelFormat Format { get; }

    public int Channels => Format.Channels();

    public int Stride => Width * Channels;

    /// <summary>The pixels, row-major, channel-interleaved.</summary>
    public byte[] Pixels { get; }

    public static Image Blank(int width, int height, PixelFormat format) =>
        new(width, height, format, new byte[(long)width * height * format.Channels()]);

    /// <summary>Wraps raw RGB rows as a renderer delivers them (top row first).</summary>
    public static Image FromRgb(int width, int height, byte[] rgb) => new(width, height, PixelFormat.Rgb, rgb);

    public override string ToString() => $"{Width}x{Height} {Format}";
}
