using Sim2Real.Sim.Benchmarks;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Benchmarks;

public class EnvironmentBenchmarkTests
{
    [Fact]
    public void Benchmark_counts_every_agent_step_of_every_environment_and_the_episodes_that_ended()
    {
        var result = EnvironmentBenchmark.Run(new EnvironmentOptions { Robot = "arm6", Task = "reach", ActionRepeat = 2 }, environments: 2, threads: 2, stepsPerEnvironment: 60);

        Assert.Equal(120, result.AgentSteps);
        Assert.Equal(2 * result.AgentStepsPerSecond, result.ControlStepsPerSecond, 6);
        // 50 agent steps per episode: each environment ends its first episode within 20 warm-up + 60 timed steps.
        Assert.Equal(2, result.Episodes);
        Assert.True(result.AgentStepsPerSecond > 0);
    }
}
