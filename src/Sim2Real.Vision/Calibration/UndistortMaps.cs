using OpenCvSharp;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// cv::initUndistortRectifyMap for a calibrated camera, as float maps in managed arrays: for each output pixel,
/// where to sample the raw image. The output camera is P's left 3x3 (ROS's rectified image), optionally only
/// a region of it, so a crop costs nothing extra.
/// </summary>
public sealed class UndistortMaps
{
    private UndistortMaps(int width, int height, float[] mapX, float[] mapY)
    {
        Width = width;
        Height = height;
        MapX = mapX;
        MapY = mapY;
    }

    /// <summary>Output width in pixels.</summary>
    public int Width { get; }

    public int Height { get; }

    public float[] MapX { get; }

    public float[] MapY { get; }

    /// <summary>
    /// Undistorts into <paramref name="destination"/> (the maps' size, the source's format) with the maps in OpenCV's
    /// fixed-point form, made once: about 20% faster than float maps and the same bytes. Allocates nothing.
    /// </summary>
    public unsafe void ApplyInto(Image raw, Image destination)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Width != Width || destination.Height != Height || destination.Format != raw.Format)
        {
            throw new ArgumentException($"destination must be {Width}x{Height} {raw.Format}, got {destination}", nameof(destination));
        }

        var (xy, fraction) = _fixed ??= ToFixedPoint();
        fixed (byte* s = raw.Pixels)
        fixed (byte* d = destination.Pixels)
        fixed (short* pxy = xy)
        fixed (ushort* pf = fraction)
        {
            using var from = ImageOps.View(raw, s);
            using var to = ImageOps.View(destination, d);
            using var positions = new NativeView(pxy, Height, Width, MatType.CV_16SC2, Width * 2 * sizeof(short));
            using var weights = new NativeView(pf, Height, Width, MatType.CV_16UC1, Width * sizeof(ushort));
            FrameKernels.Remap(from, to, positions, weights, Interpolation.Linear, "remap");
        }
    }

    private (short[] Xy, ushort[] Fraction)? _fixed;

    private (short[] Xy, ushort[] Fraction) ToFixedPoint()
    {
        var xy = new short[2 * Width * Height];
        var fraction = new ushort[Width * Height];
        using var mx = ArrayMats.Over(MapX, Height, Width);
        using var my = ArrayMats.Over(MapY, Height, Width);
        using var a = TrackedMat.Over(xy, Height, Width, MatType.CV_16SC2);
        using var b = TrackedMat.Over(fraction, Height, Width, MatType.CV_16UC1);
        try
        {
            Cv2.ConvertMaps(mx, my, a, b, MatType.CV_16SC2);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("convertMaps", e);
        }

        return a.StillBorrowed && b.StillBorrowed ? (xy, fraction) : throw new OpenCvException("convertMaps: OpenCV reallocated the fixed-point maps");
    }

    /// <summary>Maps for the whole rectified image, or for the region (x, y, width, height) of it.</summary>
    public static UndistortMaps Create(CameraInfo camera, (int X, int Y, int Width, int Height)? region = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var (x, y, w, h) = region ?? (0, 0, camera.ImageWidth, camera.ImageHeight);
        var newK = camera.RectifiedK();
        // Shifting the principal point by the region's corner makes pixel (0,0) of the maps the region's corner.
        newK[2] -= x;
        newK[5] -= y;
        var mapX = new float[w * h];
        var mapY = new float[w * h];
        using var k = ArrayMats.Over(camera.K, 3, 3);
        using var d = ArrayMats.Over(camera.D, 1, camera.D.Length);
        using var r = ArrayMats.Over(camera.R, 3, 3);
        using var p = ArrayMats.Over(newK, 3, 3);
        using var mx = ArrayMats.Over(mapX, h, w);
        using var my = ArrayMats.Over(mapY, h, w);
        try
        {
            Cv2.InitUndistortRectifyMap(k, d, r, p, new Size(w, h), MatType.CV_32FC1, mx, my);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("initUndistortRectifyMap", e);
        }

        return mx.StillBorrowed && my.StillBorrowed
            ? new UndistortMaps(w, h, mapX, mapY)
            : throw new OpenCvException("initUndistortRectifyMap: OpenCV reallocated the maps");
    }

    /// <summary>Undistorts <paramref name="raw"/> into a new image of the maps' size.</summary>
    public Image Apply(Image raw, Interpolation interpolation = Interpolation.Linear)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var result = Image.Blank(Width, Height, raw.Format);
        ImageOps.RemapInto(raw, result, MapX, MapY, interpolation);
        return result;
    }
}
