using Sim2Real.Core;
using Sim2Real.Learning.Interop;

namespace Sim2Real.Learning.Tensors;

/// <summary>The names of <see cref="Precision"/> on command lines and in checkpoint metadata, and where bf16 kernels exist.</summary>
public static class Precisions
{
    public const string Names = "fp32, bf16 or bf16-emulated";

    public static string Name(this Precision precision) => precision switch
    {
        Precision.Fp32 => "fp32",
        Precision.Bf16 => "bf16",
        Precision.Bf16Emulated => "bf16-emulated",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <exception cref="InvalidConfigException">Not one of <see cref="Names"/>; names <paramref name="origin"/> and <paramref name="field"/>.</exception>
    public static Precision Parse(string text, string origin, string field) => text switch
    {
        "fp32" => Precision.Fp32,
        "bf16" => Precision.Bf16,
        "bf16-emulated" => Precision.Bf16Emulated,
        _ => throw new InvalidConfigException(origin, field, $"must be {Names}, got '{text}'"),
    };

    /// <summary>True when this CPU has avx512_bf16 (and the OS saves AVX-512 state): oneDNN then runs bf16 convolutions natively.</summary>
    public static bool CpuHasBf16 => TorchNative.s2r_cpu_has_avx512_bf16() != 0;

    /// <summary>
    /// Refuses bf16 where libtorch has no bf16 kernels for it: on such a CPU, bf16 convolutions run on a reference
    /// path about 16x slower than fp32 (measured on a 2-core Zen 1), the opposite of what bf16 is asked for.
    /// </summary>
    /// <exception cref="InvalidConfigException">bf16 on a CPU without avx512_bf16.</exception>
    public static void Require(Precision precision, Device device, string origin, string field)
    {
        if (precision == Precision.Bf16 && device.Type == DeviceType.Cpu && !CpuHasBf16)
        {
            throw new InvalidConfigException(origin, field,
                "bf16 on the CPU needs avx512_bf16, which this CPU lacks (its bf16 convolutions would run about 16x slower than fp32): use fp32, a GPU, or bf16-emulated to study bf16's numerics");
        }
    }
}
