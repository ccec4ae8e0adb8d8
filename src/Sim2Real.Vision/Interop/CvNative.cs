using System.Runtime.InteropServices;

namespace Sim2Real.Vision.Interop;

/// <summary>P/Invoke declarations for the project's OpenCV layer (src/native/opencv/s2r_cv.cpp).</summary>
internal static partial class CvNative
{
    private const string Lib = "s2r_cv";

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_last_error();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_version();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_runtime_version();

    internal static string Utf8(IntPtr p) => Marshal.PtrToStringUTF8(p) ?? "";
}
