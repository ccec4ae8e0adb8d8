using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Capture;

/// <summary>
/// A network stream (or, when asked for explicitly, a video file) decoded by Debian's ffmpeg program into a pipe of PPM frames (self-describing, so size changes
/// are followed). Grab reads one whole frame off the pipe; Retrieve turns it from RGB into the BGR every capture
/// source delivers, with OpenCV. The frame buffers live as long as the reader.
/// </summary>
internal sealed class FfmpegProcessReader : IFrameReader
{
    private readonly Process _ffmpeg;
    private readonly Stream _frames;
    private readonly CaptureSource _source;
    private readonly bool _lend;
    private readonly Queue<string> _errors = new();
    private Image? _rgb;
    private Image? _bgr;
    private long _grabbed;

    private FfmpegProcessReader(Process ffmpeg, CaptureSource source, bool lend)
    {
        _ffmpeg = ffmpeg;
        _source = source;
        _lend = lend;
        _frames = new BufferedStream(ffmpeg.StandardOutput.BaseStream, 1 << 16);
        ffmpeg.ErrorDataReceived += (_, e) => KeepError(e.Data);
        ffmpeg.BeginErrorReadLine();
    }

    /// <exception cref="CaptureUnavailableException">ffmpeg is not installed or cannot be started.</exception>
    public static FfmpegProcessReader Open(CaptureSource source, CameraStreamOptions options)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var timeoutMicroseconds = ((long)options.OpenTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        string[] input = source.Kind != CaptureSourceKind.NetworkStream ? []
            : source.Location.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase) ? ["-rtsp_transport", "tcp", "-timeout", timeoutMicroseconds]
            : ["-rw_timeout", timeoutMicroseconds];
        foreach (var a in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", .. input, "-i", source.Location, "-an", "-fps_mode", "passthrough", "-f", "image2pipe", "-c:v", "ppm", "-"])
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            var ffmpeg = Process.Start(start) ?? throw new CaptureUnavailableException($"{source}: could not start ffmpeg");
            return new FfmpegProcessReader(ffmpeg, source, options.ReuseFrameBuffer);
        }
        catch (Win32Exception e)
        {
            throw new CaptureUnavailableException($"{source}: network streams are decoded by Debian's ffmpeg, which could not be started ({e.Message}); install Debian package ffmpeg", e);
        }
    }

    public bool Grab()
    {
        if (ReadHeader() is not { } size)
        {
            if (_grabbed == 0)
            {
                throw new CaptureUnavailableException($"{_source}: ffmpeg delivered no frame: {LastError()}");
            }

            return false;
        }

        if (_rgb is null || _rgb.Width != size.Width || _rgb.Height != size.Height)
        {
            _rgb = new Image(size.Width, size.Height, PixelFormat.Rgb, GC.AllocateUninitializedArray<byte>(size.Width * size.Height * 3, pinned: true));
            _bgr = new Image(size.Width, size.Height, PixelFormat.Bgr, GC.AllocateUninitializedArray<byte>(size.Width * size.Height * 3, pinned: true));
        }

        try
        {
            _frames.ReadExactly(_rgb.Pixels);
        }
        catch (EndOfStreamException)
        {
            return false;
        }

        _grabbed++;
        return true;
    }

    public Image Retrieve()
    {
        ImageOps.ConvertInto(_rgb!, _bgr!);
        if (_lend)
        {
            return _bgr!;
        }

        var pixels = GC.AllocateUninitializedArray<byte>(_bgr!.Pixels.Length);
        _bgr.Pixels.CopyTo(pixels, 0);
        return new Image(_bgr.Width, _bgr.Height, PixelFormat.Bgr, pixels);
    }

    public void Dispose()
    {
        if (!_ffmpeg.HasExited)
        {
            _ffmpeg.Kill(entireProcessTree: true);
        }

        _ffmpeg.WaitForExit();
        _frames.Dispose();
        _ffmpeg.Dispose();
    }

    // ffmpeg's PPM encoder writes "P6\n<width> <height>\n255\n" before each frame's RGB rows.
    private (int Width, int Height)? ReadHeader()
    {
        Span<int> fields = stackalloc int[3];
        var magic = _frames.ReadByte();
        if (magic < 0)
        {
            return null;
        }

        if (magic != 'P' || _frames.ReadByte() != '6')
        {
            throw new CaptureUnavailableException($"{_source}: ffmpeg's pipe is not a PPM stream");
        }

        for (var i = 0; i < 3; i++)
        {
            var b = _frames.ReadByte();
            while (b is ' ' or '\n' or '\r' or '\t')
            {
                b = _frames.ReadByte();
            }

            var value = 0;
            for (; b is >= '0' and <= '9'; b = _frames.ReadByte())
            {
                value = (value * 10) + (b - '0');
            }

            if (b < 0)
            {
                return null;
            }

            fields[i] = value;
        }

        return fields[2] == 255 && fields[0] > 0 && fields[1] > 0
            ? (fields[0], fields[1])
            : throw new CaptureUnavailableException($"{_source}: ffmpeg sent a {fields[0]}x{fields[1]} frame of depth {fields[2]}, expected 8-bit RGB");
    }

    private void KeepError(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_errors)
        {
            _errors.Enqueue(line.Trim());
            if (_errors.Count > 5)
            {
                _errors.Dequeue();
            }
        }
    }

    private string LastError()
    {
        // The process has closed its output; give it a moment to flush stderr before quoting it.
        _ffmpeg.WaitForExit(TimeSpan.FromSeconds(2));
        lock (_errors)
        {
            return _errors.Count == 0 ? "no message" : string.Join("; ", _errors);
        }
    }
}
