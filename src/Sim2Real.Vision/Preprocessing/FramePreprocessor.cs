using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// Turns one frame, simulated or from a camera, into a channel-first observation frame, always by the same steps:
/// size check, undistortion of the crop region (one remap), crop, resize, colour order, HWC to CHW.
/// Channel order never changes the arithmetic, so an RGB render and a BGR capture of the same scene give the
/// same bytes. Not thread-safe: it reuses its buffers; use one per pipeline.
/// </summary>
public sealed class FramePreprocessor
{
    private readonly UndistortMaps? _maps;
    private readonly Dictionary<PixelFormat, Image> _undistorted = [];
    private readonly Dictionary<PixelFormat, Image> _resized = [];

    public FramePreprocessor(FramePreprocessorOptions options, string source = "preprocessing")
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate(source);
        var crop = options.EffectiveCrop;
        if (options.Calibration is { } camera)
        {
            _maps = UndistortMaps.Create(camera, (crop.X, crop.Y, crop.Width, crop.Height));
        }
    }

    public FramePreprocessorOptions Options { get; }

    /// <summary>Channels, height, width of one processed frame.</summary>
    public int FrameBytes => 3 * Options.OutputHeight * Options.OutputWidth;

    /// <summary>A fresh frame stack for one episode or one camera stream.</summary>
    public FrameStack NewStack() => new(this);

    /// <summary>Processes one frame into a new [3, H, W] array.</summary>
    public byte[] Process(Image frame)
    {
        var result = new byte[FrameBytes];
        ProcessInto(frame, result);
        return result;
    }

    /// <exception cref="FrameSizeMismatchException">The frame is not InputWidth x InputHeight.</exception>
    public void ProcessInto(Image frame, Span<byte> chw)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != Options.InputWidth || frame.Height != Options.InputHeight)
        {
            throw new FrameSizeMismatchException(
                $"frame is {frame.Width}x{frame.Height} but preprocessing expects {Options.InputWidth}x{Options.InputHeight}"
                + (Options.Calibration is { } c ? $" (camera '{c.CameraName}' calibration)" : "")
                + ": set the camera or renderer resolution to match");
        }

        if (chw.Length != FrameBytes)
        {
            throw new ArgumentException($"destination holds {chw.Length} bytes, one frame needs {FrameBytes}", nameof(chw));
        }

        var colour = frame.Format is PixelFormat.Rgb or PixelFormat.Bgr ? frame : ImageOps.Convert(frame, Options.OutputOrder);
        var resized = Buffer(_resized, colour.Format, Options.OutputWidth, Options.OutputHeight);
        if (_maps is not null)
        {
            var undistorted = Buffer(_undistorted, colour.Format, _maps.Width, _maps.Height);
            _maps.ApplyInto(colour, undistorted);
            ImageOps.ResizeInto(undistorted, resized, Options.Resize);
        }
        else
        {
            ResizeCrop(colour, resized);
        }

        ToChannelFirst(resized, Options.OutputOrder, chw);
    }

    private unsafe void ResizeCrop(Image source, Image destination)
    {
        var crop = Options.EffectiveCrop;
        fixed (byte* s = source.Pixels)
        fixed (byte* d = destination.Pixels)
        {
            // The crop is a view into the source (offset pointer, full stride): no copy.
            var offset = (crop.Y * source.Stride) + (crop.X * source.Channels);
            var view = new NativeImage(s + offset, crop.Width, crop.Height, source.Stride, CvType.U8(source.Channels));
            CvNative.Check(CvNative.s2r_cv_resize(view, destination.View(d), (int)Options.Resize), "resize");
        }
    }

    private static void ToChannelFirst(Image hwc, PixelFormat order, Span<byte> chw)
    {
        var plane = hwc.Width * hwc.Height;
        var swap = hwc.Format != order;
        var src = hwc.Pixels;
        var c0 = chw[..plane];
        var c1 = chw.Slice(plane, plane);
        var c2 = chw.Slice(2 * plane, plane);
        var first = swap ? c2 : c0;
        var last = swap ? c0 : c2;
        for (int i = 0, j = 0; i < plane; i++, j += 3)
        {
            first[i] = src[j];
            c1[i] = src[j + 1];
            last[i] = src[j + 2];
        }
    }

    private static Image Buffer(Dictionary<PixelFormat, Image> cache, PixelFormat format, int width, int height)
    {
        if (!cache.TryGetValue(format, out var image))
        {
            image = Image.Blank(width, height, format);
            cache[format] = image;
        }

        return image;
    }
}
