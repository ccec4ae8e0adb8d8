namespace Sim2Real.Vision.Capture;

/// <summary>Which reader opens a source. The values of the OpenCV backends are cv::VideoCaptureAPIs.</summary>
public enum CaptureBackend
{
    /// <summary>
    /// Debian's ffmpeg program decoding into a pipe: network streams (RTSP, HTTP and the other FFmpeg protocols).
    /// The FFmpeg inside OpenCvSharp's runtime is built with --disable-network, so OpenCV cannot open them itself.
    /// Video files may use it too (<c>source with { Backend = FfmpegProcess }</c>): Debian's FFmpeg has its SIMD
    /// code and every codec Debian ships, and decodes in its own process, ahead of the reader.
    /// </summary>
    FfmpegProcess = -2,

    /// <summary>The project's own reader: the image files of a folder, in name order.</summary>
    ImageFolder = -1,

    /// <summary>cv::CAP_V4L2: Linux cameras (/dev/videoN).</summary>
    V4L2 = 200,

    /// <summary>cv::CAP_FFMPEG through OpenCvSharp's bundled FFmpeg: video files (MP4, AVI, MKV).</summary>
    Ffmpeg = 1900,
}
