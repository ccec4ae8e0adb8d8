using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Capture;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision.Video;

/// <summary>
/// Writes frames to a video file through cv::VideoWriter with an explicit backend (FFmpeg) and codec
/// (mp4v in an .mp4 container by default). Dispose finalizes the file; until then it is not playable.
/// </summary>
public sealed class VideoFileWriter : IDisposable
{
    private readonly WriterHandle _writer;

    private VideoFileWriter(WriterHandle writer, string path, int width, int height)
    {
        _writer = writer;
        Path = path;
        Width = width;
        Height = height;
    }

    public string Path { get; }

    public int Width { get; }

    public int Height { get; }

    public long FramesWritten { get; private set; }

    /// <exception cref="OpenCvException">The backend cannot open the file for this codec and size.</exception>
    public static VideoFileWriter Create(string path, int width, int height, double framesPerSecond, string fourcc = "mp4v", CaptureBackend backend = CaptureBackend.Ffmpeg)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fourcc);
        if (fourcc.Length != 4)
        {
            throw new ArgumentException($"a FOURCC has 4 characters, got '{fourcc}'", nameof(fourcc));
        }

        if (width <= 0 || height <= 0 || !(framesPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"need a positive size and frame rate, got {width}x{height} at {framesPerSecond} fps");
        }

        var pointer = CvNative.s2r_cv_writer_open(path, (int)backend, fourcc, framesPerSecond, width, height, 1);
        if (pointer == IntPtr.Zero)
        {
            throw new OpenCvException($"{path}: {CvNative.LastError}");
        }

        return new VideoFileWriter(WriterHandle.FromPointer(pointer), path, width, height);
    }

    /// <summary>Appends a colour frame (RGB frames are converted; grey is expanded).</summary>
    public unsafe void Write(Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_writer.IsClosed, this);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"{Path}: frame is {frame.Width}x{frame.Height}, the video is {Width}x{Height}", nameof(frame));
        }

        var bgr = frame.Format == PixelFormat.Bgr ? frame : ImageOps.Convert(frame, PixelFormat.Bgr);
        fixed (byte* p = bgr.Pixels)
        {
            CvNative.Check(CvNative.s2r_cv_writer_write(_writer, bgr.View(p)), Path);
        }

        FramesWritten++;
    }

    public void Dispose() => _writer.Dispose();
}
