using System.Runtime.Intrinsics.X86;

namespace Sim2Real.Sim.Tests.Bindings;

/// <summary>
/// A fact that needs what the upper-state probe reads: AVX in use by .NET (so managed code can leave the upper
/// halves dirty at all) and xgetbv with ECX=1 (XINUSE, CPUID.(EAX=0DH,ECX=1):EAX bit 2). Skipped, saying which
/// is missing, elsewhere.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UpperStateFactAttribute : FactAttribute
{
    public UpperStateFactAttribute()
    {
        if (!X86Base.IsSupported)
        {
            Skip = "not an x86 CPU: there is no AVX upper state to clear";
        }
        else if (!Avx.IsSupported)
        {
            Skip = "AVX is not in use by .NET here (the CPU lacks it, or DOTNET_EnableAVX=0): managed code cannot leave the upper state dirty";
        }
        else if ((X86Base.CpuId(0xD, 1).Eax & 0x4) == 0)
        {
            Skip = "this CPU has no xgetbv with ECX=1 (CPUID.(EAX=0DH,ECX=1):EAX bit 2), so the upper state cannot be read";
        }
    }
}
