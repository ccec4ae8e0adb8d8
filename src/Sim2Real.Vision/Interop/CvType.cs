namespace Sim2Real.Vision.Interop;

/// <summary>OpenCV's type codes (CV_MAKETYPE(depth, channels)) and the constants the layer is called with.</summary>
internal static class CvType
{
    public const int U8C1 = 0;
    public const int U8C3 = 16;
    public const int U8C4 = 24;
    public const int F32C1 = 5;

    public static int U8(int channels) => (channels - 1) << 3;

    // cv::ColorConversionCodes
    public const int BgrToRgb = 4;
    public const int BgrToGray = 6;
    public const int RgbToGray = 7;
    public const int GrayToBgr = 8;
    public const int BgraToBgr = 1;
    public const int BgraToRgb = 3;
    public const int BgraToGray = 10;

    // cv::ImreadModes
    public const int ImreadColor = 1;
    public const int ImreadUnchanged = -1;
    public const int ImreadGrayscale = 0;

    // cv::BorderTypes
    public const int BorderConstant = 0;

    // cv::VideoCaptureProperties
    public const int PropFps = 5;
    public const int PropFrameWidth = 3;
    public const int PropFrameHeight = 4;
    public const int PropFrameCount = 7;
    public const int PropPosMsec = 0;
    public const int PropOpenTimeoutMsec = 53;
    public const int PropReadTimeoutMsec = 54;
}
