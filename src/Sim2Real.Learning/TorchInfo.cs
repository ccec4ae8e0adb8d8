using System.Runtime.InteropServices;
using Sim2Real.Learning.Interop;
using Sim2Real.Native;

namespace Sim2Real.Learning;

/// <summary>Identity and process-wide settings of the loaded libtorch.</summary>
public static class TorchInfo
{
    private static readonly Lazy<OpenBlasThreads?> Blas = new(OpenBlasThreads.Find);

    public static string Version => TorchNative.Utf8(TorchNative.s2r_torch_version());

    /// <summary>Intra-op threads of libtorch's own kernels. libtorch here defaults to 1, so callers set it explicitly.</summary>
    public static int Threads
    {
        get => TorchNative.s2r_torch_get_num_threads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            TorchNative.s2r_torch_set_num_threads(value);
        }
    }

    /// <summary>
    /// OpenBLAS's own thread pool (its sgemm under libtorch's linear layers), or null when the BLAS in use is not
    /// OpenBLAS. It keeps one thread per core whatever libtorch is told. Training leaves it so: a state update at
    /// batch 256 took 42-54 CPU-ms with it and 85-91 with one thread. Batch-1 inference sets 1: a pixel act cost 11.7
    /// CPU-ms per 5.9 ms with the pool and 7.1 per 6.5 ms without, and a SCHED_FIFO policy thread waited on the
    /// pool's ordinary threads.
    /// </summary>
    public static int? BlasThreads
    {
        get => Blas.Value?.Get();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ArgumentOutOfRangeException.ThrowIfLessThan(value.Value, 1);
            Blas.Value?.Set(value.Value);
        }
    }

    /// <summary>Batch-1 inference's setting: libtorch's intra-op threads and OpenBLAS's pool (where it is OpenBLAS) alike.</summary>
    public static void SetAllThreads(int threads)
    {
        Threads = threads;
        if (Blas.Value is not null)
        {
            BlasThreads = threads;
        }
    }

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
