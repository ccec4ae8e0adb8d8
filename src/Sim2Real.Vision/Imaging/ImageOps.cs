using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision;

/// <summary>Pixel operations through OpenCV: resize, colour conversion, crop, remap, perspective warp.</summary>
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
    public static unsafe void ResizeInto(Image source, Image destination, Interpolation interpolation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        RequireSameFormat(source, destination);
        fixed (byte* s = source.Pixels)
        fixed (byte* d = destination.Pixels)
        {
            CvNative.Check(CvNative.s2r_cv_resize(source.View(s), destination.View(d), (int)interpolation), "resize");
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
        fixed (byte* s = source.Pixels)
        fixed (byte* d = destination.Pixels)
        {
            CvNative.Check(CvNative.s2r_cv_cvt_color(source.View(s), destination.View(d), code), $"convert {source.Format} to {destination.Format}");
        }
    }

    /// <summary>Copies the rectangle (x, y, width, height) out of <paramref name="source"/>.</summary>
    public static Image Crop(Image source, int x, int y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > source.Width || y + height > source.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"crop {width}x{height}+{x}+{y} does not fit a {source.Width}x{source.Height} image");
        }

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
            CvNative.Check(CvNative.s2r_cv_remap(source.View(s), destination.View(d), mx, my, (int)interpolation, CvType.BorderConstant), "remap");
        }
    }

    /// <summary>cv::warpPerspective with the 3x3 row-major homography <paramref name="homography"/> (source to destination).</summary>
    public static unsafe Image WarpPerspective(Image source, double[] homography, int width, int height, byte border = 0, Interpolation interpolation = Interpolation.Linear)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(homography);
        if (homography.Length != 9)
        {
            throw new ArgumentException("a homography has 9 entries", nameof(homography));
        }

        var result = Image.Blank(width, height, source.Format);
        fixed (byte* s = source.Pixels)
        fixed (byte* d = result.Pixels)
        fixed (double* h = homography)
        {
            CvNative.Check(CvNative.s2r_cv_warp_perspective(source.View(s), result.View(d), h, (int)interpolation, border), "warpPerspective");
        }

        return result;
    }

    /// <summary>The image as OpenCV's codecs and writers expect it: grey, BGR or BGRA.</summary>
    internal static Image ToOpenCvOrder(Image image) => image.Format == PixelFormat.Rgb ? Convert(image, PixelFormat.Bgr) : image;

    private static int ConversionCode(PixelFormat from, PixelFormat to) => (from, to) switch
    {
        (PixelFormat.Bgr, PixelFormat.Rgb) or (PixelFormat.Rgb, PixelFormat.Bgr) => CvType.BgrToRgb,
        (PixelFormat.Bgr, PixelFormat.Gray) => CvType.BgrToGray,
        (PixelFormat.Rgb, PixelFormat.Gray) => CvType.RgbToGray,
        (PixelFormat.Gray, PixelFormat.Bgr) or (PixelFormat.Gray, PixelFormat.Rgb) => CvType.GrayToBgr,
        (PixelFormat.Bgra, PixelFormat.Bgr) => CvType.BgraToBgr,
        (PixelFormat.Bgra, PixelFormat.Rgb) => CvType.BgraToRgb,
        (PixelFormat.Bgra, PixelFormat.Gray) => CvType.BgraToGray,
        _ => throw new NotSupportedException($"no conversion from {from} to {to}"),
    };

    private static void RequireSameFormat(Image a, Image b)
    {
        if (a.Format != b.Format)
        {
            throw new ArgumentException($"source is {a.Format}, destination is {b.Format}: convert first");
        }
    }
}
