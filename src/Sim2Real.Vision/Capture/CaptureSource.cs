using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.Vision.Capture;

/// <summary>Where frames come from, and the backend that reads them (always explicit: no backend probing).</summary>
public sealed record CaptureSource(CaptureSourceKind Kind, string Location, CaptureBackend Backend, int DeviceIndex = -1)
{
    private static readonly string[] StreamSchemes = ["rtsp://", "rtsps://", "rtmp://", "http://", "https://", "udp://", "tcp://", "srt://"];

    /// <summary>Cameras and network streams run until stopped; files and folders end.</summary>
    public bool IsLive => Kind is CaptureSourceKind.Device or CaptureSourceKind.NetworkStream;

    /// <summary>
    /// Reads a source as users write it: <c>/dev/video0</c> or <c>0</c> (V4L2), <c>rtsp://...</c> or <c>http://...</c>
    /// (an ffmpeg process), a directory (image folder) or a video file (OpenCV's FFmpeg).
    /// </summary>
    /// <exception cref="InvalidConfigException">A file or folder that does not exist.</exception>
    public static CaptureSource Parse(string spec, string field = "--source")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        if (int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new CaptureSource(CaptureSourceKind.Device, $"/dev/video{index}", CaptureBackend.V4L2, index);
        }

        if (spec.StartsWith("/dev/video", StringComparison.Ordinal)
            && int.TryParse(spec.AsSpan("/dev/video".Length), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return new CaptureSource(CaptureSourceKind.Device, spec, CaptureBackend.V4L2, index);
        }

        if (StreamSchemes.Any(s => spec.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return new CaptureSource(CaptureSourceKind.NetworkStream, spec, CaptureBackend.FfmpegProcess);
        }

        if (Directory.Exists(spec))
        {
            return new CaptureSource(CaptureSourceKind.ImageFolder, spec, CaptureBackend.ImageFolder);
        }

        if (File.Exists(spec))
        {
            return new CaptureSource(CaptureSourceKind.VideoFile, spec, CaptureBackend.Ffmpeg);
        }

        throw new InvalidConfigException(spec, field,
            "not a device (/dev/videoN or N), a stream URL (rtsp://, http://), an existing folder of images or an existing video file");
    }

    public override string ToString() => Location;
}
