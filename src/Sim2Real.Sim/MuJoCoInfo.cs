using Sim2Real.Native;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim;

/// <summary>Identity of the loaded MuJoCo library.</summary>
public static class MuJoCoInfo
{
    /// <summary>The header version the bindings were written for; the library must match it.</summary>
    public const int ExpectedVersion = Bindings.MjLayout.HeaderVersion;

    /// <summary>mj_version() of the loaded library, e.g. 222 for 2.2.2.</summary>
    public static int Version => MjNative.mj_version();

    public static string FormatVersion(int version) => $"{version / 100}.{version / 10 % 10}.{version % 10}";

    public static EngineReport Report()
    {
        var version = Version;
        var path = NativeLoader.LoadedPath(NativeLibraries.MuJoCo);
        var match = version == ExpectedVersion ? "matches the bindings" : $"MISMATCH: bindings expect {FormatVersion(ExpectedVersion)}";
        return new EngineReport("MuJoCo", $"{FormatVersion(version)} (mj_version {version})", $"{path}; {match}");
    }
}
