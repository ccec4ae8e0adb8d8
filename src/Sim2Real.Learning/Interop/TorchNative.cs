using System.Runtime.InteropServices;

namespace Sim2Real.Learning.Interop;

/// <summary>P/Invoke declarations for the project's libtorch layer (src/native/torch/s2r_torch.cpp).</summary>
internal static partial class TorchNative
{
    private const string Lib = "s2r_torch";

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_last_error();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_torch_version();

    [LibraryImport(Lib)]
    internal static partial int s2r_torch_get_num_threads();

    [LibraryImport(Lib)]
    internal static partial void s2r_torch_set_num_threads(int n);

    [LibraryImport(Lib)]
    internal static partial int s2r_torch_cuda_is_available();

    [LibraryImport(Lib)]
    internal static partial int s2r_torch_cuda_device_count();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_torch_blas_library();

    internal static string Utf8(IntPtr p) => Marshal.PtrToStringUTF8(p) ?? "";
}
