using OpenCvSharp;
using OpenCvSharp.Internal;

namespace Sim2Real.Vision;

/// <summary>
/// The per-frame OpenCV calls (resize, remap, colour conversion) on <see cref="NativeView"/>s: no managed
/// allocation, and an output that OpenCV would have to reallocate (wrong size or type) is an error, not a
/// silently lost result. Contexts are constants so that nothing is formatted unless a call fails.
/// </summary>
internal static class FrameKernels
{
    public static void Resize(in NativeView source, in NativeView destination, int width, int height, Interpolation interpolation, string context)
    {
        Check(NativeMethods.imgproc_resize(source.Input, destination.Output, new Size(width, height), 0, 0, (int)interpolation), destination, context);
    }

    public static void Remap(in NativeView source, in NativeView destination, in NativeView map1, in NativeView map2, Interpolation interpolation, string context)
    {
        Check(
            NativeMethods.imgproc_remap(source.Input, destination.Output, map1.Input, map2.Input, (int)interpolation, (int)BorderTypes.Constant, default),
            destination,
            context);
    }

    public static void CvtColor(in NativeView source, in NativeView destination, ColorConversionCodes code, string context)
    {
        Check(NativeMethods.imgproc_cvtColor(source.Input, destination.Output, (int)code, 0), destination, context);
    }

    private static void Check(ExceptionStatus status, in NativeView destination, string context)
    {
        try
        {
            NativeMethods.HandleException(status);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap(context, e);
        }

        if (!destination.StillBorrowed)
        {
            throw new OpenCvException($"{context}: the destination does not match the result's size or type");
        }
    }
}
