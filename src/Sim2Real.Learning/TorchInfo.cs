using System.Runtime.InteropServices;
using Sim2Real.Learning.Interop;
using Sim2Real.Native;

namespace Sim2Real.Learning;

/// <summary>Identity and process-wide settings of the loaded libtorch.</summary>
public static class TorchInfo
{
    private static readonly Lazy<OpenBlasThreads?> Blas = new(OpenBlasThreads.Find);

    public static string Version => TorchNative.Utf8(TorchNative.s2r_torch_version());

    /// <summary>
    /// Intra-op threads, for libtorch's own kernels and for the BLAS under it. OpenBLAS keeps its own pool of one
    /// thread per core whatever libtorch is told: at batch 1 on one libtorch thread its second thread spun beside
    /// the first (11.7 CPU-ms per 5.9 ms pixel act) and, under SCHED_FIFO, the policy thread waited on it. So the
    /// setter sets both, and libtorch's threads adopt the count lazily on first use, whichever thread they are.
    /// </summary>
    public static int Threads
    {
        get => TorchNative.s2r_torch_get_num_threads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            TorchNative.s2r_torch_set_num_threads(value);
            Blas.Value?.Set(value);
        }
    }

    /// <summary>OpenBLAS's thread count, or null when the BLAS in use is not OpenBLAS (netlib's has no threads).</summary>
    public static int? BlasThreads => Blas.Value?.Get();

    public static bool CudaAvailable => TorchNative.s2r_torch_cuda_is_available() != 0;

    /// <summary>The file that provides sgemm_ in this process (OpenBLAS or netlib's reference BLAS).</summary>
    public static string BlasLibrary => TorchNative.Utf8(TorchNative.s2r_torch_blas_library());

    public static EngineReport Report()
    {
        var blas = BlasLibrary;
        var kind = blas.Contains("openblas", StringComparison.OrdinalIgnoreCase) ? $"OpenBLAS ({BlasThreads} threads)"
            : blas.Contains("blas", StringComparison.OrdinalIgnoreCase) ? "reference BLAS (slow: install libopenblas0-pthread)"
            : "unknown";
        var cuda = CudaAvailable ? $"CUDA devices {TorchNative.s2r_torch_cuda_device_count()}" : "CPU only";
        return new EngineReport("libtorch", Version, $"intra-op threads {Threads}; BLAS {kind} at {blas}; {cuda}");
    }

    /// <summary>OpenBLAS's own thread controls, found in the library libtorch already loaded.</summary>
    private sealed unsafe class OpenBlasThreads
    {
        private readonly delegate* unmanaged<int, void> _set;
        private readonly delegate* unmanaged<int> _get;

        private OpenBlasThreads(nint set, nint get)
        {
            _set = (delegate* unmanaged<int, void>)set;
            _get = (delegate* unmanaged<int>)get;
        }

        public static OpenBlasThreads? Find()
        {
            // Loading a path that is already mapped returns the same handle; the library stays for the process.
            var path = BlasLibrary;
            return NativeLibrary.TryLoad(path, out var handle)
                && NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var set)
                && NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out var get)
                ? new OpenBlasThreads(set, get)
                : null;
        }

        public void Set(int threads) => _set(threads);

        public int Get() => _get();
    }
}
