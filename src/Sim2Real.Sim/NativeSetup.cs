using System.Runtime.CompilerServices;
using Sim2Real.Native;

namespace Sim2Real.Sim;

internal static class NativeSetup
{
    // The resolver must be in place before the first P/Invoke of this assembly, whichever type makes it.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() =>
        NativeLoader.Register(typeof(NativeSetup).Assembly, NativeLibraries.MuJoCo, NativeLibraries.MuJoCoGuard, NativeLibraries.Egl, NativeLibraries.OsMesa);
#pragma warning restore CA2255
}
