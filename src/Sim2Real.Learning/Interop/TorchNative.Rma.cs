using System.Runtime.InteropServices;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Interop;

/// <summary>P/Invoke declarations for RMA's ops (src/native/torch/s2r_torch_rma.cpp, linked into the same library).</summary>
/// <remarks>That translation unit keeps its own error text, so its calls are checked with <see cref="CheckRma"/>.</remarks>
internal static partial class TorchNative
{
    internal static void CheckRma(int rc)
    {
        if (rc != 0)
        {
            throw new TorchException(Utf8(s2r_rma_last_error()));
        }
    }

    [LibraryImport(Lib)] internal static partial IntPtr s2r_rma_last_error();
    [LibraryImport(Lib)] internal static partial int s2r_t_conv1d(TensorHandle x, TensorHandle w, IntPtr b, long stride, long padding, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_elu(TensorHandle a, double alpha, out TensorHandle result);
}
