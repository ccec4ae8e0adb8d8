using System.Runtime.InteropServices;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Interop;

/// <summary>P/Invoke declarations for Adam's one-pass update (src/native/torch/s2r_torch_adam.cpp, linked into the same library).</summary>
/// <remarks>That translation unit keeps its own error text, so its calls are checked with <see cref="CheckAdamFused"/>.</remarks>
internal static partial class TorchNative
{
    internal static void CheckAdamFused(int rc)
    {
        if (rc != 0)
        {
            throw new TorchException(Utf8(s2r_adam_fused_last_error()));
        }
    }

    [LibraryImport(Lib)] internal static partial IntPtr s2r_adam_fused_last_error();
    [LibraryImport(Lib)] internal static unsafe partial int s2r_adam_fused_step(IntPtr* parameters, IntPtr* expAvgs, IntPtr* expAvgSqs, int n, double lr, double beta1, double beta2, double eps, long step);
}
