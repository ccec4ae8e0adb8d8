using Sim2Real.Native;

namespace Sim2Real.Cli.Doctor;

/// <summary>One engine doctor loads: the spec that names its library and package, and the call that reports it.</summary>
internal sealed record EngineCheck(NativeLibrarySpec Library, Func<EngineReport> Probe);
