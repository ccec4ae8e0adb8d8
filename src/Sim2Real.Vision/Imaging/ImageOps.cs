using OpenCvSharp;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision;

/// <summary>
/// Pixel operations through OpenCV: resize, colour conversion, crop, remap, perspective warp. The *Into forms write
/// into a preallocated image and allocate nothing, managed or native-proxy, so they can run on every frame.
/// </summary>
public static class ImageOps
{
    public static Image Resize(Image source, int width, int height, Interpolation interpolation = Interpolation.Area)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = Image.Blank(width, height, source.Format);
        ResizeInto(source, result, interpolation);
        return result;
    }

    /// <summary>Resizes into a preallocated image of the same format (no allocation on the hot path).</summary>
    public static void ResizeInto(Image source, Image destination, Interpolation interpolation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ResizeRegionInto(source, 0, 0, source.Width, source.Height, destination, interpolation);
    }

    /// <summary>Resizes the rectangle (x, y, width, height) of <paramref name="source"/>: the crop is a view, never a copy.</summary>
    public static unsafe void ResizeRegionInto(Image source, int x, int y, int width, int height, Image destination, Interpolation interpolation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        RequireSameFormat(source, destination);
        RequireInside(source, x, y, width, height);
        fixed (byte* s = source.Pixels)
        fixed (byte* d = destination.Pixels)
        {
            using var from = NativeView.Pixels(s + (y * source.Stride) + (x * source.Channels), width, height, source.Channels, source.Stride);
            using var to = View(destination, d);
            FrameKernels.Resize(from, to, destination.Width, destination.Height, interpolation, "resize");
        }
    }

    /// <summary>Converts between channel orders; returns <paramref name="source"/> itself when already in <paramref name="target"/>.</summary>
    public static Image Convert(Image source, PixelFormat target)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Format == target)
        {
            return source;
        }

        var result = Image.Blank(source.Width, source.Height, target);
        ConvertInto(source, result);
        return result;
    }

    public static unsafe void ConvertInto(Image source, Image destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var code = ConversionCode(source.Format, destination.Format);
        if (source.Width != destination.Width || source.Height != destination.Height)
        {
            throw new ArgumentException($"convert: source is {source}, destination is {destination}: sizes differ", nameof(destination));
        }

        fixed (byte* s = source.Pixels)
        fixed (byte* d = destination.Pixels)
        {
            using var from = View(source, s);
            using var to = View(destination, d);
            FrameKernels.CvtColor(from, to, code, "cvtColor");
        }
    }

    /// <summary>Copies the rectangle (x, y, width, height) out of <paramref name="source"/>.</summary>
    public static Image Crop(Image source, int x, int y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        RequireInside(source, x, y, width, height);
        var result = Image.Blank(width, height, source.Format);
        var row = width * source.Channels;
        for (var r = 0; r < height; r++)
        {
            Buffer.BlockCopy(source.Pixels, ((y + r) * source.Width + x) * source.Channels, result.Pixels, r * row, row);
        }

        return result;
    }

    /// <summary>cv::remap with float maps the size of <paramref name="destination"/>.</summary>
    public static unsafe void RemapInto(Image source, Image destination, float[] mapX, float[] mapY, Interpolation interpolation = Interpolation.Linear)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(mapX);
        ArgumentNullException.ThrowIfNull(mapY);
        RequireSameFormat(source, destination);
        var n = destination.Width * destination.Height;
        if (mapX.Length != n || mapY.Length != n)
        {
            throw new ArgumentException($"maps hold {mapX.Length} and {mapY.Length} entries, the destination {destination.Width}x{destination.Height} needs {n}");
        }

        fixed (byte* s = source.Pixels)
        fixed (byte* d = destination.Pixels)
        fixed (float* mx = mapX)
        fixed (float* my = mapY)
        {
            using var from = View(source, s);
            using var to = View(destination, d);
            using var x = new NativeView(mx, destination.Height, destination.Width, MatType.CV_32FC1, destination.Width * sizeof(float));
            using var y = new NativeView(my, destination.Height, destination.Width, MatType.CV_32FC1, destination.Width * sizeof(float));
            FrameKernels.Remap(from, to, x, y, interpolation, "remap");
        }
    }

    /// <summary>cv::warpPerspective with the 3x3 row-major homography <paramref name="homography"/> (source to destination).</summary>
    public static Image WarpPerspective(Image source, double[] homography, int width, int height, byte border = 0, Interpolation interpolation = Interpolation.Linear)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(homography);
        if (homography.Length != 9)
        {
            throw new ArgumentException("a homography has 9 entries", nameof(homography));
        }

        var result = Image.Blank(width, height, source.Format);
        using var from = ImageMats.Wrap(source);
        using var to = (TrackedMat)ImageMats.Wrap(result);
        using var h = ArrayMats.Over(homography, 3, 3);
        try
        {
            Cv2.WarpPerspective(from, to, h, new Size(width, height), (InterpolationFlags)interpolation, BorderTypes.Constant, Scalar.All(border));
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("warpPerspective", e);
        }

        return to.StillBorrowed ? result : throw new OpenCvException("warpPerspective: OpenCV reallocated the destination");
    }

    /// <summary>The image as OpenCV's codecs and writers expect it: grey, BGR or BGRA.</summary>
    internal static Image ToOpenCvOrder(Image image) => image.Format == PixelFormat.Rgb ? Convert(image, PixelFormat.Bgr) : image;

    internal static unsafe NativeView View(Image image, byte* pinned) =>
        NativeView.Pixels(pinned, image.Width, image.Height, image.Channels, image.Stride);

    private static ColorConversionCodes ConversionCode(PixelFormat from, PixelFormat to) => (from, to) switch
    {
        (PixelFormat.Bgr, PixelFormat.Rgb) or (PixelFormat.Rgb, PixelFormat.Bgr) => ColorConversionCodes.BGR2RGB,
        (PixelFormat.Bgr, PixelFormat.Gray) => ColorConversionCodes.BGR2GRAY,
        (PixelFormat.Rgb, PixelFormat.Gray) => ColorConversionCodes.RGB2GRAY,
        (PixelFormat.Gray, PixelFormat.Bgr) or (PixelFormat.Gray, PixelFormat.Rgb) => ColorConversionCodes.GRAY2BGR,
        (PixelFormat.Bgra, PixelFormat.Bgr) => ColorConversionCodes.BGRA2BGR,
        (PixelFormat.Bgra, PixelFormat.Rgb) => ColorConversionCodes.BGRA2RGB,
        (PixelFormat.Bgra, PixelFormat.Gray) => ColorConversionCodes.BGRA2GRAY,
        _ => throw new NotSupportedException($"no conversion from {from} to {to}"),
    };

    private static void RequireSameFormat(Image a, Image b)
    {
        if (a.Format != b.Format)
        {
            throw new ArgumentException($"source is {a.Format}, destination is {b.Format}: convert first");
        }
    }

    private static void RequireInside(Image source, int x, int y, int width, int height)
    {
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > source.Width || y + height > source.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"region {width}x{height}+{x}+{y} does not fit a {source.Width}x{source.Height} image");
        }
    }
}
