namespace Sim2Real.Learning.Tensors;

/// <summary>The number format the pixel encoder computes in; the values are the codes the native layer uses.</summary>
public enum Precision
{
    /// <summary>Everything in fp32, as the reference implementation.</summary>
    Fp32 = 0,

    /// <summary>
    /// The encoder's convolutions in bf16 (inputs, weights and activations rounded to bf16, fp32 accumulation), as
    /// autocast runs them; the weights and their optimizer stay fp32. Fast only where bf16 kernels exist: CPUs with
    /// avx512_bf16, or GPUs.
    /// </summary>
    Bf16 = 1,

    /// <summary>bf16's rounding of the same tensors with fp32 arithmetic: bf16's numerics on any CPU, at fp32's speed or below.</summary>
    Bf16Emulated = 2,
}
