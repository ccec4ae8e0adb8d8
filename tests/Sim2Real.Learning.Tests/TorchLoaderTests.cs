using Sim2Real.Learning;

namespace Sim2Real.Learning.Tests;

public class TorchLoaderTests
{
    [Fact]
    public void Libtorch_layer_loads_and_reports_version_1_13()
    {
        Assert.StartsWith("1.13", TorchInfo.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Blas_in_use_is_openblas_because_setup_installs_it()
    {
        Assert.Contains("openblas", TorchInfo.BlasLibrary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Intra_op_thread_count_can_be_set()
    {
        var before = TorchInfo.Threads;
        try
        {
            TorchInfo.Threads = 2;
            Assert.Equal(2, TorchInfo.Threads);
        }
        finally
        {
            TorchInfo.Threads = before;
        }
    }

    [Fact]
    public void Openblas_thread_count_can_be_set_apart_from_libtorchs()
    {
        var before = TorchInfo.BlasThreads;
        try
        {
            TorchInfo.BlasThreads = 1;
            Assert.Equal(1, TorchInfo.BlasThreads);
            TorchInfo.BlasThreads = 2;
            Assert.Equal(2, TorchInfo.BlasThreads);
        }
        finally
        {
            TorchInfo.BlasThreads = before;
        }
    }

    [Fact]
    public void Batch_one_inference_sets_libtorchs_and_openblass_threads_together()
    {
        var (threads, blas) = (TorchInfo.Threads, TorchInfo.BlasThreads);
        try
        {
            TorchInfo.SetAllThreads(1);
            Assert.Equal(1, TorchInfo.Threads);
            Assert.Equal(1, TorchInfo.BlasThreads);
        }
        finally
        {
            TorchInfo.Threads = threads;
            TorchInfo.BlasThreads = blas;
        }
    }
}
