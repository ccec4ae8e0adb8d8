using Sim2Real.Training.Collection;

namespace Sim2Real.Training.Tests.Collection;

public sealed class OverlappedTrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-overlap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, float[]> Weights(Trainer trainer) =>
        trainer.Agent.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.ToArray<float>());

    // The columns that are results, not timings: frame .. actor_loss.
    private IEnumerable<string> Results(string run, string file, int columns) =>
        File.ReadAllLines(Path.Combine(_dir, run, file)).Select(l => string.Join(',', l.Split(',')[..columns]));

    [Fact]
    public void Stepping_the_simulator_during_updates_gives_the_sequential_runs_weights_and_metrics_bit_for_bit()
    {
        Dictionary<string, float[]> sequential, overlapped;
        using (var trainer = new Trainer(TinyRun.Options(_dir, "sequential", 600), TextWriter.Null, resume: false))
        {
            trainer.Run();
            sequential = Weights(trainer);
        }

        using (var trainer = new Trainer(TinyRun.Options(_dir, "overlapped", 600) with { Overlap = true }, TextWriter.Null, resume: false))
        {
            trainer.Run();
            overlapped = Weights(trainer);
        }

        Assert.Equal(sequential.Keys.Order(), overlapped.Keys.Order());
        Assert.All(sequential, kv => Assert.True(kv.Value.SequenceEqual(overlapped[kv.Key]), $"{kv.Key} differs with --overlap"));
        Assert.Equal(Results("sequential", Trainer.TrainCsvFileName, 7), Results("overlapped", Trainer.TrainCsvFileName, 7));
        Assert.Equal(Results("sequential", EvalResult.CsvFileName, 5), Results("overlapped", EvalResult.CsvFileName, 5));
    }

    [Fact]
    public void Rendering_on_the_collectors_thread_gives_the_sequential_pixel_runs_weights()
    {
        TrainOptions Pixels(string name) => TinyRun.Options(_dir, name, 300) with
        {
            Observation = ObservationKind.Pixels,
            Agent = TinyRun.Options(_dir, name, 300).Agent with { BatchSize = 4 },
        };

        Dictionary<string, float[]> sequential, overlapped;
        using (var trainer = new Trainer(Pixels("pixels-sequential"), TextWriter.Null, resume: false))
        {
            trainer.Run();
            sequential = Weights(trainer);
        }

        using (var trainer = new Trainer(Pixels("pixels-overlapped") with { Overlap = true }, TextWriter.Null, resume: false))
        {
            trainer.Run();
            overlapped = Weights(trainer);
        }

        Assert.All(sequential, kv => Assert.True(kv.Value.SequenceEqual(overlapped[kv.Key]), $"{kv.Key} differs with --overlap"));
        Assert.Equal(Results("pixels-sequential", Trainer.TrainCsvFileName, 7), Results("pixels-overlapped", Trainer.TrainCsvFileName, 7));
    }

    [Fact]
    public void A_failed_step_reaches_the_learner_at_end_and_the_collector_still_stops()
    {
        var calls = 0;
        var collector = new ThreadedStepCollector(_ => ++calls == 2
            ? throw new InvalidOperationException("step 2 failed")
            : default);
        collector.Begin([0f]);
        collector.End();
        collector.Begin([0f]);
        var e = Assert.Throws<InvalidOperationException>(() => collector.End());
        Assert.Equal("step 2 failed", e.Message);
        collector.Begin([0f]);
        collector.Dispose();
        Assert.Equal(3, calls);
    }
}
