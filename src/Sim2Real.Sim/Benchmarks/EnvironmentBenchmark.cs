using System.Diagnostics;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Benchmarks;

/// <summary>
/// Steps a <see cref="VectorEnvironment"/> with seeded random actions for a fixed number of agent steps per
/// environment, resets (and auto-resets at episode ends) included, after a short warm-up.
/// </summary>
public static class EnvironmentBenchmark
{
    /// <param name="observe">Runs on each step of environment i, inside the timing: the policy's frame pipeline
    /// (preprocessing and stacking, which run outside the simulator) when the benchmark should include it.</param>
    /// <param name="frameStack">Frames per observation that <paramref name="observe"/> stacks, for the report; 0 for none.</param>
    public static EnvironmentBenchmarkResult Run(EnvironmentOptions options, int environments, int threads, int stepsPerEnvironment, int seed = 0, Action<int, TimeStep>? observe = null, int frameStack = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEnvironment, 1);
        using var vector = new VectorEnvironment(options, environments, threads);
        var random = new Random(seed);
        var actions = Enumerable.Range(0, environments).Select(_ => new float[vector.ActionSpec.Size]).ToArray();
        void Fill()
        {
            foreach (var action in actions)
            {
                for (var i = 0; i < action.Length; i++)
                {
                    action[i] = (float)((2 * random.NextDouble()) - 1);
                }
            }
        }

        vector.Reset(seed);
        for (var t = 0; t < Math.Min(20, stepsPerEnvironment); t++)
        {
            Fill();
            vector.Step(actions);
        }

        var episodes = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var t = 0; t < stepsPerEnvironment; t++)
        {
            Fill();
            var steps = vector.Step(actions);
            for (var i = 0; i < steps.Length; i++)
            {
                observe?.Invoke(i, steps[i]);
                episodes += steps[i].IsLast ? 1 : 0;
            }
        }

        clock.Stop();
        process.Refresh();
        // CPU time shows how much of the machine the run got: on a shared, loaded machine wall time alone misleads.
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var seconds = clock.Elapsed.TotalSeconds;
        var agentSteps = stepsPerEnvironment * environments;
        return new EnvironmentBenchmarkResult(
            options.Robot,
            options.Task,
            options.Pixels,
            options.Randomize,
            options.ActionRepeat,
            frameStack,
            environments,
            threads,
            agentSteps,
            seconds,
            agentSteps / seconds,
            agentSteps * options.ActionRepeat / seconds,
            episodes,
            cpuSeconds,
            agentSteps / cpuSeconds);
    }
}
