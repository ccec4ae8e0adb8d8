using OpenCvSharp;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Capture;

/// <summary>
/// cv::VideoCapture with an explicit backend; frames come out BGR. Each frame is retrieved into one buffer kept for
/// the reader's lifetime (a pinned array under a Mat header, so OpenCV's copy out of its decoder lands in managed
/// memory and nothing is allocated per frame). Frames are copied out of it unless the stream lends the buffer.
/// </summary>
internal sealed class OpenCvFrameReader : IFrameReader
{
    // cv::CAP_PROP_OPEN_TIMEOUT_MSEC and CAP_PROP_READ_TIMEOUT_MSEC (FFmpeg), absent from OpenCvSharp's enum.
    private const int OpenTimeoutMsec = 53;
    private const int ReadTimeoutMsec = 54;
    private readonly VideoCapture _capture;
    private readonly CaptureSource _source;
    private readonly bool _lend;
    private TrackedMat? _frame;
    private Image? _image;
    private long _grabbed;

    private OpenCvFrameReader(VideoCapture capture, CaptureSource source, bool lend)
    {
        _capture = capture;
        _source = source;
        _lend = lend;
        var (width, height) = ((int)capture.Get(VideoCaptureProperties.FrameWidth), (int)capture.Get(VideoCaptureProperties.FrameHeight));
        if (width > 0 && height > 0)
        {
            Allocate(width, height, PixelFormat.Bgr);
        }
    }

    /// <exception cref="CaptureUnavailableException">The backend cannot open the source now.</exception>
    public static OpenCvFrameReader Open(CaptureSource source, CameraStreamOptions options)
    {
        int[] parameters = source.Backend == CaptureBackend.Ffmpeg
            ?
            [
                OpenTimeoutMsec, (int)options.OpenTimeout.TotalMilliseconds,
                ReadTimeoutMsec, (int)options.FrameTimeout.TotalMilliseconds,
            ]
            : [];
        var api = (VideoCaptureAPIs)source.Backend;
        VideoCapture? capture = null;
        try
        {
            capture = source.DeviceIndex >= 0 ? new VideoCapture(source.DeviceIndex, api, parameters) : new VideoCapture(source.Location, api, parameters);
            if (!capture.IsOpened())
            {
                throw new CaptureUnavailableException(
                    $"VideoCapture: backend {source.Backend} could not open {(source.DeviceIndex >= 0 ? $"device {source.DeviceIndex}" : source.Location)}");
            }

            var reader = new OpenCvFrameReader(capture, source, options.ReuseFrameBuffer);
            capture = null;
            return reader;
        }
        catch (OpenCVException e)
        {
            throw new CaptureUnavailableException($"VideoCapture: {source.Location}: {e.Message}", e);
        }
        finally
        {
            capture?.Dispose();
        }
    }

    /// <exception cref="VideoCodecException">A video file whose frames this OpenCV's FFmpeg cannot decode.</exception>
    public bool Grab()
    {
        bool grabbed;
        try
        {
            grabbed = _capture.Grab();
        }
        catch (OpenCVException e)
        {
            throw new CaptureUnavailableException($"{_source.Location}: {e.Message}", e);
        }

        if (grabbed)
        {
            _grabbed++;
            return true;
        }

        // FFmpeg decodes in grab: a file that holds frames but yields none at all has a codec this build cannot decode.
        if (_grabbed == 0 && _source.Kind == CaptureSourceKind.VideoFile && _capture.Get(VideoCaptureProperties.FrameCount) > 0)
        {
            throw new VideoCodecException(_source.Location, _capture.FourCC, OpenCvInfo.Version);
        }

        return false;
    }

    public Image Retrieve()
    {
        var frame = _frame;
        if (frame is null || !_capture.Retrieve(frame) || frame.Empty())
        {
            return RetrieveResized();
        }

        if (!frame.StillBorrowed)
        {
            // The stream changed size or type: OpenCV wrote the frame into memory of its own. Follow it, once.
            Follow(frame);
        }

        return _lend ? _image! : Copy(_image!);
    }

    public void Dispose()
    {
        _frame?.Dispose();
        _capture.Dispose();
    }

    // First frame of a source that did not report its size, or a failed retrieve into the buffer.
    private Image RetrieveResized()
    {
        using var scratch = new Mat();
        if (!_capture.Retrieve(scratch) || scratch.Empty())
        {
            throw new CaptureUnavailableException($"{_source.Location}: VideoCapture::retrieve: the grabbed frame could not be decoded");
        }

        Follow(scratch);
        return _lend ? _image! : Copy(_image!);
    }

    private void Follow(Mat decoded)
    {
        var format = decoded.Channels() switch
        {
            1 => PixelFormat.Gray,
            3 => PixelFormat.Bgr,
            4 => PixelFormat.Bgra,
            var n => throw new CaptureUnavailableException($"{_source.Location}: frames have {n} channels"),
        };
        var previous = _frame;
        Allocate(decoded.Cols, decoded.Rows, format);
        ImageMats.CopyPixels(decoded, _image!.Pixels);
        previous?.Dispose();
    }

    private void Allocate(int width, int height, PixelFormat format)
    {
        // The pinned object heap: the buffer never moves, so a Mat header over it stays valid for the reader's life.
        var pixels = GC.AllocateUninitializedArray<byte>(width * height * format.Channels(), pinned: true);
        _image = new Image(width, height, format, pixels);
        _frame = (TrackedMat)ImageMats.Wrap(_image);
    }

    private static Image Copy(Image frame)
    {
        var pixels = GC.AllocateUninitializedArray<byte>(frame.Pixels.Length);
        frame.Pixels.CopyTo(pixels, 0);
        return new Image(frame.Width, frame.Height, frame.Format, pixels);
    }
}
