using System.Diagnostics;
using System.Globalization;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Benchmarks;

/// <summary>
/// One DrQ-v2 pixel update (9x84x84, reference sizes) in each encoder layout and precision, on identical weights and
/// batch, taking turns update by update so that a busy machine slows them alike. A benchmark, not a test:
/// <c>dotnet exec tests/Sim2Real.Learning.Tests/bin/Debug/net10.0/Sim2Real.Learning.Tests.dll bench-update-variants B UPDATES THREADS</c>
/// (bench/drqv2-update.sh runs it with its 5th argument). Real bf16 runs only where <see cref="Precisions.CpuHasBf16"/>.
/// </summary>
public static class UpdateVariantsBench
{
    public static int Run(int batchSize, int updates, int threads)
    {
        TorchInfo.Threads = threads;
        var variants = new List<(string Name, Precision Precision, MemoryFormat Layout)>
        {
            ("fp32 NCHW (before)", Precision.Fp32, MemoryFormat.Contiguous),
            ("fp32 channels_last (default)", Precision.Fp32, MemoryFormat.ChannelsLast),
            ("bf16-emulated channels_last", Precision.Bf16Emulated, MemoryFormat.ChannelsLast),
        };
        if (Precisions.CpuHasBf16)
        {
            variants.Add(("bf16 channels_last", Precision.Bf16, MemoryFormat.ChannelsLast));
        }

        var config = new DrQV2Config { StddevSchedule = "0.2" };
        var agents = variants.Select(v =>
        {
            Torch.ManualSeed(0);
            return new DrQV2Agent(config with { Precision = v.Precision }, new PixelEncoder(9, 84, 84, v.Precision, v.Layout), [9, 84, 84], 6);
        }).ToList();
        try
        {
            using var scope = TensorScope.Begin();
            Torch.ManualSeed(1);
            var batch = new TransitionBatch(
                Tensor.RandInt(0, 256, [batchSize, 9, 84, 84], DType.UInt8), Tensor.Empty([batchSize, 6]).Uniform_(-1, 1),
                Tensor.RandN([batchSize, 1]), Tensor.Full([batchSize, 1], Math.Pow(0.99, 3)), Tensor.RandInt(0, 256, [batchSize, 9, 84, 84], DType.UInt8));
            agents.ForEach(a => a.Update(batch, 0));
            var ms = variants.Select(_ => new double[updates]).ToArray();
            var cpu = new double[variants.Count];
            var process = Process.GetCurrentProcess();
            for (var u = 0; u < updates; u++)
            {
                for (var k = 0; k < agents.Count; k++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var start = Stopwatch.GetTimestamp();
                    agents[k].Update(batch, 0);
                    ms[k][u] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    process.Refresh();
                    cpu[k] += (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"c# update variants (B={batchSize}, {threads} threads, {updates} timed updates each, turns taken; avx512_bf16 {(Precisions.CpuHasBf16 ? "yes" : "no: real bf16 not run")}):"));
            for (var k = 0; k < variants.Count; k++)
            {
                var sorted = ms[k].Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {variants[k].Name,-30} p50 {sorted[sorted.Length / 2],8:F1} ms  mean {sorted.Average(),8:F1}  min {sorted[0],8:F1}  cpu-ms/update {cpu[k] / updates,6:F0}"));
            }

            return 0;
        }
        finally
        {
            agents.ForEach(a => a.Dispose());
        }
    }
}
