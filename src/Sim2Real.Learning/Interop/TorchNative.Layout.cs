using System.Runtime.InteropServices;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Interop;

/// <summary>P/Invoke declarations for memory layout and precision (src/native/torch/s2r_torch_layout.cpp, linked into the same library).</summary>
/// <remarks>That translation unit keeps its own error text, so its calls are checked with <see cref="CheckLayout"/>.</remarks>
internal static partial class TorchNative
{
    internal static void CheckLayout(int rc)
    {
        if (rc != 0)
        {
            throw new TorchException(Utf8(s2r_layout_last_error()));
        }
    }

    [LibraryImport(Lib)] internal static partial IntPtr s2r_layout_last_error();
    [LibraryImport(Lib)] internal static partial int s2r_cpu_has_avx512_bf16();
    [LibraryImport(Lib)] internal static partial int s2r_t_contiguous_as(TensorHandle a, int format, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_is_contiguous_as(TensorHandle a, int format, out int result);
    [LibraryImport(Lib)] internal static partial int s2r_t_precision_of(TensorHandle a, out int code);
    [LibraryImport(Lib)] internal static partial int s2r_t_scale_pixels(TensorHandle x, int format, int precision, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_pad_replicate_float(TensorHandle x, long pad, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_conv2d_in(TensorHandle x, TensorHandle w, IntPtr b, long stride, long padding, int precision, out TensorHandle result);
}
