using System.Runtime.InteropServices;

namespace Sim2Real.Sim.Interop;

/// <summary>P/Invoke declarations for MuJoCo 2.2.2's C API, spelled as mujoco.h spells them.</summary>
internal static partial class MjNative
{
    private const string Lib = "mujoco";

    [LibraryImport(Lib)]
    internal static partial int mj_version();
}
