using Sim2Real.Learning;
using Sim2Real.Native;
using Sim2Real.Ros;
using Sim2Real.Sim;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision;

namespace Sim2Real.Cli.Doctor;

internal static class EngineChecks
{
    public static IReadOnlyList<EngineCheck> All() =>
    [
        new(NativeLibraries.MuJoCo, MuJoCoInfo.Report),
        new(NativeLibraries.TorchShim, TorchInfo.Report),
        new(OpenCvInfo.Library, OpenCvInfo.Report),
        new(NativeLibraries.CycloneDds, CycloneInfo.Report),
        new(NativeLibraries.Egl, EglInfo.Report),
    ];
}
