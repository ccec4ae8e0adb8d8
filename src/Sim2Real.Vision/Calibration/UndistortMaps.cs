using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

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
    /// fixed-point form, made once: about 20% faster than float maps and the same bytes.
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
            CvNative.Check(CvNative.s2r_cv_remap_fixed(raw.View(s), destination.View(d), pxy, pf, (int)Interpolation.Linear, CvType.BorderConstant), "remap");
        }
    }

    private (short[] Xy, ushort[] Fraction)? _fixed;

    private unsafe (short[] Xy, ushort[] Fraction) ToFixedPoint()
    {
        var xy = new short[2 * Width * Height];
        var fraction = new ushort[Width * Height];
        fixed (float* mx = MapX)
        fixed (float* my = MapY)
        fixed (short* pxy = xy)
        fixed (ushort* pf = fraction)
        {
            CvNative.Check(CvNative.s2r_cv_convert_maps(mx, my, Width, Height, pxy, pf), "convertMaps");
        }

        return (xy, fraction);
    }

    /// <summary>Maps for the whole rectified image, or for the region (x, y, width, height) of it.</summary>
    public static unsafe UndistortMaps Create(CameraInfo camera, (int X, int Y, int Width, int Height)? region = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var (x, y, w, h) = region ?? (0, 0, camera.ImageWidth, camera.ImageHeight);
        var newK = camera.RectifiedK();
        // Shifting the principal point by the region's corner makes pixel (0,0) of the maps the region's corner.
        newK[2] -= x;
        newK[5] -= y;
        var mapX = new float[w * h];
        var mapY = new float[w * h];
        var k = camera.K;
        var d = camera.D;
        var r = camera.R;
        fixed (double* pk = k)
        fixed (double* pd = d)
        fixed (double* pr = r)
        fixed (double* pn = newK)
        fixed (float* mx = mapX)
        fixed (float* my = mapY)
        {
            CvNative.Check(CvNative.s2r_cv_init_undistort_rectify_map(pk, pd, d.Length, pr, pn, w, h, mx, my), "initUndistortRectifyMap");
        }

        return new UndistortMaps(w, h, mapX, mapY);
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
