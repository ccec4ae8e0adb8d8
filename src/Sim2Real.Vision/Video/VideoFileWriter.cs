using System.Collections.Concurrent;
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
/// <remarks>
/// <see cref="Write"/> copies the frame (as BGR) into one of a few recycled buffers and returns; a thread of the
/// writer's own encodes them in order. A renderer thus draws the next frame while the last one is encoded, as it
/// did beside an ffmpeg process. An encoder error surfaces at the next Write or at Complete.
/// </remarks>
public sealed class VideoFileWriter : IFrameWriter
{
    // Frames queued ahead of the encoder; a writer that keeps up holds one or two.
    private const int Queue = 4;

    private readonly VideoWriter _writer;
    private readonly int _encodedWidth;
    private readonly int _encodedHeight;
    private readonly BlockingCollection<Image> _pending = new(Queue);
    private readonly ConcurrentBag<Image> _free = [];
    private readonly Thread _encoder;
    private Image? _bgr;
    private Exception? _failure;
    private bool _finished;
    private volatile bool _abandoned;

    private VideoFileWriter(VideoWriter writer, string path, int width, int height)
    {
        _writer = writer;
        Path = path;
        Width = width;
        Height = height;
        _encodedWidth = EvenSide(width);
        _encodedHeight = EvenSide(height);
        _encoder = new Thread(Encode) { IsBackground = true, Name = "video encoder" };
        _encoder.Start();
    }

    public string Path { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Frames taken; each is in the file once <see cref="Complete"/> returns.</summary>
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

    /// <summary>Appends a colour frame (RGB frames are converted; grey is expanded). The frame may be reused at once.</summary>
    /// <exception cref="OpenCvException">The encoder failed on an earlier frame.</exception>
    public void Write(Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"{Path}: frame is {frame.Width}x{frame.Height}, the video is {Width}x{Height}", nameof(frame));
        }

        ThrowIfFailed();
        var buffer = _free.TryTake(out var recycled) ? recycled : Image.Blank(_encodedWidth, _encodedHeight, PixelFormat.Bgr);
        if (buffer.Width == Width && buffer.Height == Height)
        {
            CopyAsBgr(frame, buffer);
        }
        else
        {
            _bgr ??= Image.Blank(Width, Height, PixelFormat.Bgr);
            CopyAsBgr(frame, _bgr);
            for (var y = 0; y < Height; y++)
            {
                Buffer.BlockCopy(_bgr.Pixels, y * _bgr.Stride, buffer.Pixels, y * buffer.Stride, _bgr.Stride);
            }
        }

        _pending.Add(buffer);
        FramesWritten++;
    }

    /// <summary>Encodes what is queued and finalizes the file (the container's index is written on release).</summary>
    /// <exception cref="OpenCvException">The encoder failed, or the backend finished without a file at <see cref="Path"/>.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        Finish();
        ThrowIfFailed();
        try
        {
            _writer.Release();
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap(Path, e);
        }

        if (!File.Exists(Path))
        {
            throw new OpenCvException($"{Path}: VideoWriter finished without writing the file");
        }
    }

    /// <summary>Releases the file; frames still queued when it was not completed (a failed run) are dropped, not encoded.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _abandoned = true;
            Finish();
        }

        _writer.Dispose();
        _pending.Dispose();
    }

    private static int EvenSide(int side) => side + (side & 1);

    private static void CopyAsBgr(Image frame, Image bgr)
    {
        if (frame.Format == PixelFormat.Bgr)
        {
            frame.Pixels.CopyTo(bgr.Pixels, 0);
        }
        else
        {
            ImageOps.ConvertInto(frame, bgr);
        }
    }

    private void Finish()
    {
        _finished = true;
        _pending.CompleteAdding();
        _encoder.Join();
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw failure;
        }
    }

    // After a failure the queue is still drained, so a Write blocked on a full queue returns and reports it.
    private void Encode()
    {
        foreach (var frame in _pending.GetConsumingEnumerable())
        {
            if (!_abandoned && Volatile.Read(ref _failure) is null)
            {
                try
                {
                    using var mat = ImageMats.Wrap(frame);
                    _writer.Write(mat);
                }
                catch (OpenCVException e)
                {
                    Volatile.Write(ref _failure, OpenCvErrors.Wrap(Path, e));
                }
            }

            _free.Add(frame);
        }
    }
}
