using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision.Capture;

/// <summary>cv::VideoCapture with an explicit backend; frames come out BGR.</summary>
internal sealed class OpenCvFrameReader : IFrameReader
{
    private readonly CaptureHandle _capture;
    private readonly MatHandle _frame = new();
    private readonly string _location;

    private OpenCvFrameReader(CaptureHandle capture, string location)
    {
        _capture = capture;
        _location = location;
    }

    public static unsafe OpenCvFrameReader Open(CaptureSource source, CameraStreamOptions options)
    {
        int[] parameters = source.Backend == CaptureBackend.Ffmpeg
            ? [CvType.PropOpenTimeoutMsec, (int)options.OpenTimeout.TotalMilliseconds, CvType.PropReadTimeoutMsec, (int)options.FrameTimeout.TotalMilliseconds]
            : [];
        IntPtr pointer;
        fixed (int* p = parameters)
        {
            pointer = CvNative.s2r_cv_capture_open(source.Location, source.DeviceIndex, (int)source.Backend, p, parameters.Length);
        }

        if (pointer == IntPtr.Zero)
        {
            throw new CaptureUnavailableException(CvNative.LastError);
        }

        return new OpenCvFrameReader(CaptureHandle.FromPointer(pointer), source.Location);
    }

    public bool Grab()
    {
        var status = CvNative.s2r_cv_capture_grab(_capture);
        if (status < 0)
        {
            throw new CaptureUnavailableException($"{_location}: {CvNative.LastError}");
        }

        return status == 1;
    }

    public Image Retrieve()
    {
        if (CvNative.s2r_cv_capture_retrieve(_capture, _frame) < 0)
        {
            throw new CaptureUnavailableException($"{_location}: {CvNative.LastError}");
        }

        return _frame.ToImage(PixelFormat.Bgr);
    }

    public void Dispose()
    {
        _frame.Dispose();
        _capture.Dispose();
    }
}
