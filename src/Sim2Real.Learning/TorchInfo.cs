using Sim2Real.Learning.Interop;
using Sim2Real.Native;

namespace Sim2Real.Learning;

/// <summary>Identity and process-wide settings of the loaded libtorch.</summary>
public static class TorchInfo
{
    public static string Version => TorchNative.Utf8(TorchNative.s2r_torch_version());

    /// <summary>Intra-op threads. libtorch here defaults to 1, so callers set it explicitly.</summary>
    public static int Threads
    {
        get => TorchNative.s2r_torch_get_num_threads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            TorchNative.s2r_torch_set_num_threads(value);
        }
    }

    public static bool CudaAvailable => TorchNative.s2r_torch_cuda_is_available() != 0;

    /// <summary>The file that provides sgemm_ in this process (OpenBLAS or netlib's reference BLAS).</summary>
    public static string BlasLibrary => TorchNative.Utf8(TorchNative.s2r_torch_blas_library());

    public static EngineReport Report()
    {
        var blas = BlasLibrary;
        var kind = blas.Contains("openblas", StringComparison.OrdinalIgnoreCase) ? "OpenBLAS"
            : blas.Contains("blas", StringComparison.OrdinalIgnoreCase) ? "reference BLAS (slow: install libopenblas0-pthread)"
            : "unknown";
        var cuda = CudaAvailable ? $"CUDA devices {TorchNative.s2r_torch_cuda_device_count()}" : "CPU only";
        return new EngineReport("libtorch", Version, $"intra-op threads {Threads}; BLAS {kind} at {blas}; {cuda}");
    }
}
