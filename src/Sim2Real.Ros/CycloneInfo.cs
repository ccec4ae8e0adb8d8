using Sim2Real.Native;
using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros;

/// <summary>Identity of the loaded Cyclone DDS.</summary>
public static class CycloneInfo
{
    /// <summary>
    /// The Cyclone version: libddsc exports no version call, so this is DDS_VERSION of the headers the project's
    /// message library was built against (same Debian package as the runtime).
    /// </summary>
    public static string Version => DdsNative.Utf8(DdsNative.s2r_dds_version());

    /// <summary>Calls into libddsc itself, proving the runtime library loads and answers.</summary>
    public static string RetcodeText(int code) => DdsNative.Utf8(DdsNative.dds_strretcode(code));

    public static EngineReport Report()
    {
        var probe = RetcodeText(0);
        return new EngineReport("Cyclone DDS", Version,
            $"{NativeLoader.LoadedPath(NativeLibraries.CycloneDds)} answers (dds_strretcode(0) = \"{probe}\")");
    }
}
