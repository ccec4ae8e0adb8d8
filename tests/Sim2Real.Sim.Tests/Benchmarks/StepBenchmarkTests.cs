using Sim2Real.Sim.Benchmarks;
using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tests.Benchmarks;

public class StepBenchmarkTests
{
    [Fact]
    public void Reports_the_steps_threads_and_the_workload_it_ran()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);

        var result = StepBenchmark.Run(model, steps: 100, threads: 2);

        Assert.Equal(2, result.Threads);
        Assert.Equal(100, result.StepsPerThread);
        Assert.True(result.StepsPerSecond > 0);
        Assert.True(result.CpuSeconds > 0 && result.CpuSeconds < result.Seconds * 2 + 1, $"CPU time {result.CpuSeconds} s of two threads over {result.Seconds} s wall");
        Assert.True(result.StepsPerCpuSecond > 0);
        Assert.True(result.ContactsPerStep > 0, "the humanoid falls onto the floor, so contacts occur");
    }
}
