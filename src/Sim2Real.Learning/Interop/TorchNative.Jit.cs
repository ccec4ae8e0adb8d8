using System.Runtime.InteropServices;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Interop;

/// <summary>P/Invoke declarations for TorchScript modules (src/native/torch/s2r_torch_jit.cpp, linked into the same library).</summary>
/// <remarks>That translation unit keeps its own error text, so its calls are checked with <see cref="CheckJit"/>.</remarks>
internal static partial class TorchNative
{
    internal static void CheckJit(int rc)
    {
        if (rc != 0)
        {
            throw new TorchException(Utf8(s2r_jit_last_error()));
        }
    }

    [LibraryImport(Lib)] internal static partial IntPtr s2r_jit_last_error();
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int s2r_jit_load(string path, int devType, int devIndex, out TorchScriptModuleHandle module);
    [LibraryImport(Lib)] internal static partial void s2r_jit_free(IntPtr module);
    [LibraryImport(Lib)] internal static partial int s2r_jit_forward(TorchScriptModuleHandle module, TensorHandle input, out TensorHandle result);
}
