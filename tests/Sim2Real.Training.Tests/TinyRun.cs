using Sim2Real.Learning.DrQV2;

namespace Sim2Real.Training.Tests;

/// <summary>A run small enough for a test: 6 reach episodes, tiny networks, updates from frame 200, one held-out episode per evaluation.</summary>
internal static class TinyRun
{
    public static TrainOptions Options(string directory, string name, long frames, double lr = 1e-3) => new()
    {
        Robot = "arm6",
        Task = "reach",
        Frames = frames,
        Seed = 3,
        SeedFrames = 200,
        EvalEveryFrames = 200,
        EvalEpisodes = 1,
        ReplayCapacity = 5000,
        EvalVideo = false,
        RunDirectory = Path.Combine(directory, name),
        Agent = new DrQV2Config { FeatureDim = 8, HiddenDim = 16, BatchSize = 8, NumExplSteps = 100, LearningRate = lr, StddevSchedule = "linear(1.0,0.1,500)" },
    };
}
