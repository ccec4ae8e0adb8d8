namespace Sim2Real.Sim.Benchmarks;

/// <summary>What one stepping benchmark measured; serialised with snake_case names by <c>sim bench --json</c>.</summary>
/// <param name="Model">The model file.</param>
/// <param name="Threads">Independent mjData stepped in parallel, one per thread.</param>
/// <param name="StepsPerThread">Steps each thread ran.</param>
/// <param name="Seconds">Wall time of the whole run (all threads).</param>
/// <param name="StepsPerSecond">Total steps over all threads per wall-clock second.</param>
/// <param name="CpuSeconds">CPU time of the stepping threads, summed; robust to other load on the machine.</param>
/// <param name="StepsPerCpuSecond">Total steps per CPU second of the stepping threads.</param>
/// <param name="ContactsPerStep">Mean contacts per step on thread 0 (to compare the workload with mujoco-testspeed).</param>
public sealed record StepBenchmarkResult(
    string Model,
    int Threads,
    int StepsPerThread,
    double Seconds,
    double StepsPerSecond,
    double CpuSeconds,
    double StepsPerCpuSecond,
    double ContactsPerStep);
