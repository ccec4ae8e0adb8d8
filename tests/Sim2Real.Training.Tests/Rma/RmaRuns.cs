using Sim2Real.Learning.Rma;
using Sim2Real.Training.Rma;

namespace Sim2Real.Training.Tests.Rma;

/// <summary>
/// Runs small enough for tests, trained once for the class: an RMA phase 1 of two 6 s reach_payload episodes
/// (updates from frame 200, tiny networks), its phase 2 over three episodes, and a DR-only baseline of one episode.
/// </summary>
public sealed class RmaRuns : IDisposable
{
    public RmaRuns()
    {
        using (var trainer = new Trainer(PhaseOne("phase1", 600), TextWriter.Null, resume: false))
        {
            trainer.Run();
        }

        using (var adapt = new AdaptationTrainer(PhaseTwo("phase1", "adapt", 900), TextWriter.Null, resume: false))
        {
            adapt.Run();
            RmaPolicy = adapt.PolicyPath;
        }

        using (var baseline = new Trainer(PhaseOne("dr_only", 300) with { Rma = null }, TextWriter.Null, resume: false))
        {
            baseline.Run();
        }
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("s2r-rma-").FullName;

    public string RmaPolicy { get; }

    public string BaselinePolicy => Path.Combine(Directory, "dr_only", "checkpoints", Learning.Policies.PolicyFile.FileName);

    /// <summary>TrainerTests' tiny run, on the payload task in the RMA training world.</summary>
    public TrainOptions PhaseOne(string name, long frames) => TinyRun.Options(Directory, name, frames) with
    {
        Task = "reach_payload",
        World = "rma_training",
        EvalEveryFrames = 300,
        Rma = new RmaConfig { EncoderHidden = [32, 16] },
    };

    public AdaptationOptions PhaseTwo(string phaseOne, string name, long frames) => new()
    {
        PhaseOneDirectory = Path.Combine(Directory, phaseOne),
        RunDirectory = Path.Combine(Directory, name),
        Frames = frames,
        Seed = 5,
        BatchSize = 8,
        WarmupTicks = 100,
        DataCapacity = 400,
        EvalEveryFrames = 300,
        EvalEpisodes = 1,
    };

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
