namespace Sim2Real.Vision.Capture;

/// <summary>Which reader opens a source. The values of the OpenCV backends are cv::VideoCaptureAPIs.</summary>
public enum CaptureBackend
{
    /// <summary>The project's own reader: the image files of a folder, in name order.</summary>
    ImageFolder = -1,

    /// <summary>cv::CAP_V4L2: Linux cameras (/dev/videoN).</summary>
    V4L2 = 200,

    /// <summary>cv::CAP_FFMPEG: files (MP4, AVI) and network streams (RTSP, HTTP).</summary>
    Ffmpeg = 1900,
}
