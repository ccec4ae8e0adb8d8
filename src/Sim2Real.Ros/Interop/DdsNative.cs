using System.Runtime.InteropServices;

namespace Sim2Real.Ros.Interop;

/// <summary>P/Invoke declarations for Cyclone DDS's C API (libddsc), spelled as dds.h spells them.</summary>
internal static partial class DdsNative
{
    private const string Lib = "ddsc";
    private const string Msgs = "s2r_rosmsgs";

    [LibraryImport(Lib)]
    internal static partial IntPtr dds_strretcode(int ret);

    /// <summary>DDS_VERSION of the headers the project's message library was compiled against.</summary>
    [LibraryImport(Msgs)]
    internal static partial IntPtr s2r_dds_version();

    internal static string Utf8(IntPtr p) => Marshal.PtrToStringUTF8(p) ?? "";
}
