namespace Sim2Real.Sim.Benchmarks;

/// <summary>Rendering speed of one model at one size and quality.</summary>
public sealed record RenderBenchmarkResult(
    string Model,
    string Camera,
    int Width,
    int Height,
    string Quality,
    string Backend,
    int Frames,
    double Seconds,
    double FramesPerSecond);
