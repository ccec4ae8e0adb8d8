namespace Sim2Real.Sim.Benchmarks;

/// <summary>Throughput of a vector of environments: agent steps (each ActionRepeat control steps) per second.</summary>
public sealed record EnvironmentBenchmarkResult(
    string Robot,
    string Task,
    bool Pixels,
    bool Randomize,
    int ActionRepeat,
    int FrameStack,
    int Environments,
    int Threads,
    int AgentSteps,
    double Seconds,
    double AgentStepsPerSecond,
    double ControlStepsPerSecond,
    int Episodes,
    double CpuSeconds,
    double AgentStepsPerCpuSecond);
