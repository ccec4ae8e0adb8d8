namespace Sim2Real.Vision.Capture;

/// <summary>
/// A video file opened, holds frames, and not one of them decoded: its codec is missing from the FFmpeg that
/// OpenCvSharp's OpenCV carries (AV1 is: that build's only AV1 decoder needs hardware acceleration).
/// </summary>
public sealed class VideoCodecException : Exception
{
    public VideoCodecException(string path, string codec, string openCvVersion)
        : base($"{path}: cannot decode its video: codec '{codec}'{Name(codec)} has no decoder in the FFmpeg bundled with OpenCV {openCvVersion} "
               + $"(OpenCvSharp's runtime); re-encode it, e.g. ffmpeg -i {path} -c:v mpeg4 -q:v 2 out.mp4")
    {
        FilePath = path;
        Codec = codec;
    }

    public VideoCodecException(string message, Exception inner)
        : base(message, inner)
    {
        FilePath = "";
        Codec = "";
    }

    public string FilePath { get; }

    /// <summary>The stream's FOURCC as the container names it, e.g. AV01.</summary>
    public string Codec { get; }

    private static string Name(string codec) => codec.ToUpperInvariant() switch
    {
        "AV01" => " (AV1)",
        "HEVC" or "HVC1" or "HEV1" => " (H.265)",
        "H264" or "AVC1" => " (H.264)",
        "VP90" => " (VP9)",
        "VP80" => " (VP8)",
        _ => "",
    };
}
