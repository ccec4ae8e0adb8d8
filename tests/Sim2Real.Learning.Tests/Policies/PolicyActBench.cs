using System.Diagnostics;
using System.Globalization;
using Sim2Real.Learning.Policies;

namespace Sim2Real.Learning.Tests.Policies;

/// <summary>
/// Act latency at batch 1 of the same weights as our bundle, an ONNX graph and a TorchScript module, against PyTorch
/// calling the same actor in the same run. A benchmark, not a test: run it with
/// <c>dotnet exec tests/Sim2Real.Learning.Tests/bin/Debug/net10.0/Sim2Real.Learning.Tests.dll bench-policies [calls]</c>.
/// The kinds take turns call by call, so a busy machine slows them alike.
/// </summary>
public static class PolicyActBench
{
    public static int Run(int calls)
    {
        TorchInfo.Threads = 1;
        using var exported = new ExportedPolicies();
        var kinds = new (string Name, string Path)[]
        {
            ("bundle (DrQ-v2, libtorch)", exported.Bundle),
            ("onnx (ONNX Runtime)", exported.Onnx),
            ("torchscript (torch::jit)", exported.TorchScript),
        };
        var policies = kinds.Select(k => PolicyFile.Load(k.Path)).ToList();
        try
        {
            var action = new float[exported.Actions];
            var samples = kinds.Select(_ => new double[calls]).ToArray();
            var observations = Enumerable.Range(0, ExportedPolicies.Observations).Select(exported.Row).ToArray();
            for (var warm = 0; warm < 200; warm++)
            {
                foreach (var policy in policies)
                {
                    policy.Policy.Act(observations[warm % observations.Length], action);
                }
            }

            for (var i = 0; i < calls; i++)
            {
                for (var k = 0; k < policies.Count; k++)
                {
                    var start = Stopwatch.GetTimestamp();
                    policies[k].Policy.Act(observations[i % observations.Length], action);
                    samples[k][i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"act latency at batch 1, state [{exported.Layout.Size}] -> action [{exported.Actions}], {calls} calls each, 1 thread:"));
            for (var k = 0; k < kinds.Length; k++)
            {
                Array.Sort(samples[k]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kinds[k].Name,-28} p50 {Percentile(samples[k], 0.50),7:0.0} us  p99 {Percentile(samples[k], 0.99),7:0.0} us"));
            }

            Console.Write(PythonScript.Run("policy_export.py", "bench", exported.Bundle, calls.ToString(CultureInfo.InvariantCulture)));
            return 0;
        }
        finally
        {
            policies.ForEach(p => p.Dispose());
        }
    }

    private static double Percentile(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
}
