using Sim2Real.Native;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision;

/// <summary>Identity of the loaded OpenCV.</summary>
public static class OpenCvInfo
{
    /// <summary>cv::getVersionString() of the library loaded at run time.</summary>
    public static string Version => CvNative.Utf8(CvNative.s2r_cv_runtime_version());

    /// <summary>CV_VERSION of the headers the layer was compiled against.</summary>
    public static string HeaderVersion => CvNative.Utf8(CvNative.s2r_cv_version());

    public static EngineReport Report() =>
        new("OpenCV", Version, $"layer compiled against {HeaderVersion}; {NativeLoader.LoadedPath(NativeLibraries.OpenCvShim)}");
}
