using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Benchmarks;

/// <summary>
/// bf16 against fp32 over many DrQ-v2 pixel updates (reference network sizes, 9x84x84) on stored batches: losses,
/// Q values and how far each parameter group's weights drift from the fp32 run. Every trajectory starts from the
/// same weights and sees the same batches and the same random draws (the generator is reseeded before each update).
/// "fp32 1-ulp" starts from the same weights each moved by about one fp32 ulp: its drift is the floor that any
/// difference in rounding reaches in this chaotic loop, against which bf16's is read. (An NCHW fp32 trajectory was
/// bit-identical to the channels_last one over the first 10 updates, so layout gives no floor.) A benchmark, not a test: run it with
/// <c>dotnet exec tests/Sim2Real.Learning.Tests/bin/Debug/net10.0/Sim2Real.Learning.Tests.dll precision-numerics [UPDATES] [B] [THREADS] [CSV]</c>
/// (bench/precision-numerics.sh). Real bf16 runs only where <see cref="Precisions.CpuHasBf16"/>; elsewhere
/// bf16-emulated (bf16's rounding, fp32 arithmetic) stands for it.
/// </summary>
public static class PrecisionNumerics
{
    private const int StoredBatches = 8;
    private static readonly string[] Groups = ["encoder", "actor", "critic"];

    public static int Run(int updates, int batchSize, int threads, string? csv)
    {
        TorchInfo.Threads = threads;
        var variants = new List<(string Name, Precision Precision, MemoryFormat Layout)>
        {
            ("fp32", Precision.Fp32, MemoryFormat.ChannelsLast),
            ("fp32 1-ulp", Precision.Fp32, MemoryFormat.ChannelsLast),
            ("bf16-emulated", Precision.Bf16Emulated, MemoryFormat.ChannelsLast),
        };
        if (Precisions.CpuHasBf16)
        {
            variants.Add(("bf16", Precision.Bf16, MemoryFormat.ChannelsLast));
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
            NudgeByAnUlp(agents[1]);
            var batches = StoredBatchesOf(batchSize);
            var initial = GroupWeights(agents[0]);
            var rows = new StringBuilder("update,trajectory,critic_loss,actor_loss,q1,target_q\n");
            var metrics = variants.Select(_ => new List<UpdateMetrics>()).ToArray();
            var checkpoints = new[] { 1, 10, 100, 250, 500, 750, 1000, 2000, 5000 }.Where(c => c < updates).Append(updates).Distinct().ToArray();
            var started = Stopwatch.GetTimestamp();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"precision numerics: {updates} updates, B={batchSize}, {StoredBatches} stored batches in turn, {threads} threads; trajectories {string.Join(", ", variants.Select(v => v.Name))}; avx512_bf16 {(Precisions.CpuHasBf16 ? "yes" : "no (real bf16 not run)")}"));
            Console.WriteLine("windowed means over the 10 updates up to each row; drift = |w - w_fp32| / |w_fp32 - w_0| per parameter group (encoder, actor, critic)");
            for (var k = 0; k < updates; k++)
            {
                for (var v = 0; v < agents.Count; v++)
                {
                    Torch.ManualSeed((ulong)(1000 + k));
                    var m = agents[v].Update(batches[k % StoredBatches], k);
                    metrics[v].Add(m);
                    rows.Append(string.Create(CultureInfo.InvariantCulture,
                        $"{k + 1},{variants[v].Name},{m.Critic.CriticLoss:R},{m.Actor.ActorLoss:R},{m.Critic.Q1:R},{m.Critic.TargetQ:R}\n"));
                }

                if (checkpoints.Contains(k + 1))
                {
                    Report(k + 1, variants.Select(v => v.Name).ToList(), metrics, agents, initial, Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
            }

            if (csv is not null)
            {
                File.WriteAllText(csv, rows.ToString());
                Console.WriteLine($"per-update losses and Q values: {csv}");
            }

            return 0;
        }
        finally
        {
            agents.ForEach(a => a.Dispose());
        }
    }

    /// <summary>Uniform pixels, with a reward the critic can learn from them (the last frame's mean brightness) plus noise; in the caller's scope.</summary>
    private static TransitionBatch[] StoredBatchesOf(int b)
    {
        Torch.ManualSeed(1);
        return Enumerable.Range(0, StoredBatches).Select(_ =>
        {
            var obs = Tensor.RandInt(0, 256, [b, 9, 84, 84], DType.UInt8);
            var brightness = obs.Slice(1, 6, 9).Float().Mean(3).Mean(2).Mean(1, keepDim: true);
            var reward = ((brightness - 127.5) * 0.5) + (Tensor.RandN([b, 1]) * 0.1);
            return new TransitionBatch(obs, Tensor.Empty([b, 6]).Uniform_(-1, 1), reward,
                Tensor.Full([b, 1], Math.Pow(0.99, 3)), Tensor.RandInt(0, 256, [b, 9, 84, 84], DType.UInt8));
        }).ToArray();
    }

    /// <summary>Multiplies every weight by 1 +- 2^-22 (random sign): one or two fp32 ulps.</summary>
    private static void NudgeByAnUlp(DrQV2Agent agent)
    {
        Torch.ManualSeed(2);
        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        foreach (var (_, p) in agent.NamedParameters())
        {
            var sign = (Tensor.RandInt(0, 2, p.Shape, DType.Float32) * 2.0) - 1.0;
            p.Copy_(p + (p * sign * Math.Pow(2, -22)));
        }
    }

    private static Dictionary<string, double[]> GroupWeights(DrQV2Agent agent) =>
        Groups.ToDictionary(g => g, g => agent.NamedParameters()
            .Where(p => p.Name.StartsWith(g + ".", StringComparison.Ordinal))
            .SelectMany(p => p.Parameter.ToArray<float>().Select(x => (double)x)).ToArray());

    private static void Report(int update, List<string> names, List<UpdateMetrics>[] metrics, List<DrQV2Agent> agents, Dictionary<string, double[]> initial, double seconds)
    {
        var reference = GroupWeights(agents[0]);
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"[{update,5} updates, {seconds,6:F0} s]"));
        for (var v = 0; v < names.Count; v++)
        {
            var window = metrics[v].Skip(Math.Max(0, update - 10)).ToList();
            line.Append(string.Create(CultureInfo.InvariantCulture,
                $" | {names[v]}: critic {window.Average(m => m.Critic.CriticLoss):G5} actor {window.Average(m => m.Actor.ActorLoss):G5} q1 {window.Average(m => m.Critic.Q1):G5}"));
            if (v > 0)
            {
                var weights = GroupWeights(agents[v]);
                line.Append(" drift " + string.Join("/", Groups.Select(g => Distance(weights[g], reference[g]) / Distance(reference[g], initial[g])).Select(d => d.ToString("G3", CultureInfo.InvariantCulture))));
            }
        }

        Console.WriteLine(line.ToString());
    }

    private static double Distance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
