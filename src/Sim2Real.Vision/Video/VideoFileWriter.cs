using OpenCvSharp;
using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Vision.Video;

/// <summary>
/// Writes frames to a video file through cv::VideoWriter with an explicit backend (FFmpeg) and codec (mp4v in an
/// .mp4 container by default; the container follows the file's extension). The file is playable only once
/// <see cref="Complete"/> (or Dispose) has finalized it; write to a temporary path and rename it for an atomic output.
/// The encoders' 4:2:0 chroma needs even sides, and the backend would crop an odd side away: a frame with an odd
/// side is encoded with one black column or row added instead, so no pixel of it is lost.
/// </summary>
public sealed class VideoFileWriter : IFrameWriter
{
    private readonly VideoWriter _writer;

    // Frames arrive RGB from renderers; OpenCV encodes BGR. One buffer converts them all, one pads odd sizes.
    private readonly Image? _padded;
    private Image? _bgr;

    private VideoFileWriter(VideoWriter writer, string path, int width, int height)
    {
        _writer = writer;
        Path = path;
        Width = width;
        Height = height;
        if (EvenSide(width) != width || EvenSide(height) != height)
        {
            _padded = Image.Blank(EvenSide(width), EvenSide(height), PixelFormat.Bgr);
        }
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
            throw new ArgumentException($"{path}: a video needs a positive size and frame rate, got {width}x{height} at {framesPerSecond} frames/s");
        }

        VideoWriter? writer = null;
        try
        {
            writer = new VideoWriter(path, (VideoCaptureAPIs)backend, FourCC.FromString(fourcc), framesPerSecond, new Size(EvenSide(width), EvenSide(height)), true);
            if (!writer.IsOpened())
            {
                throw new OpenCvException($"{path}: VideoWriter: cannot open {path} for {fourcc} at {width}x{height} ({backend} backend)");
            }

            var result = new VideoFileWriter(writer, path, width, height);
            writer = null;
            return result;
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap($"{path}: VideoWriter", e);
        }
        finally
        {
            writer?.Dispose();
        }
    }

    /// <summary>Appends a colour frame (RGB frames are converted; grey is expanded).</summary>
    public void Write(Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_writer.IsDisposed, this);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"{Path}: frame is {frame.Width}x{frame.Height}, the video is {Width}x{Height}", nameof(frame));
        }

        var bgr = frame;
        if (frame.Format != PixelFormat.Bgr)
        {
            bgr = _bgr ??= Image.Blank(Width, Height, PixelFormat.Bgr);
            ImageOps.ConvertInto(frame, bgr);
        }

        if (_padded is not null)
        {
            for (var y = 0; y < Height; y++)
            {
                Buffer.BlockCopy(bgr.Pixels, y * bgr.Stride, _padded.Pixels, y * _padded.Stride, bgr.Stride);
            }

            bgr = _padded;
        }

        using var mat = ImageMats.Wrap(bgr);
        try
        {
            _writer.Write(mat);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap(Path, e);
        }

        FramesWritten++;
    }

    /// <summary>Finalizes the file (the container's index is written on release).</summary>
    /// <exception cref="OpenCvException">The backend finished without a file at <see cref="Path"/>.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_writer.IsDisposed, this);
        try
        {
            _writer.Release();
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap(Path, e);
        }
        finally
        {
            _writer.Dispose();
        }

        if (!File.Exists(Path))
        {
            throw new OpenCvException($"{Path}: VideoWriter finished without writing the file");
        }
    }

    public void Dispose() => _writer.Dispose();

    private static int EvenSide(int side) => side + (side & 1);
}
