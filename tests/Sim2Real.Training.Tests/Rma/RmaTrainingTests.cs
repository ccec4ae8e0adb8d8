using System.Text.Json;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Rma;
using Sim2Real.Training.Rma;

namespace Sim2Real.Training.Tests.Rma;

public sealed class RmaTrainingTests(RmaRuns runs) : IClassFixture<RmaRuns>
{
    private static Dictionary<string, float[]> Weights(IEnumerable<(string Name, Learning.Tensors.Tensor Parameter)> parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Parameter.ToArray<float>());

    private static IEnumerable<string> Columns(string csv, int count) =>
        File.ReadAllLines(csv).Select(l => string.Join(',', l.Split(',')[..count]));

    [Fact]
    public void Phase_one_trains_mu_through_the_critic_and_a_resumed_run_ends_with_the_same_weights()
    {
        Dictionary<string, float[]> initial, straight;
        using (var trainer = new Trainer(runs.PhaseOne("p1-straight", 600), TextWriter.Null, resume: false))
        {
            initial = Weights(trainer.Agent.NamedParameters());
            trainer.Run();
            straight = Weights(trainer.Agent.NamedParameters());
        }

        using (var first = new Trainer(runs.PhaseOne("p1-split", 300), TextWriter.Null, resume: false))
        {
            first.Run();
        }

        using var resumed = new Trainer(runs.PhaseOne("p1-split", 600), TextWriter.Null, resume: true);
        resumed.Run();
        var split = Weights(resumed.Agent.NamedParameters());

        Assert.Equal([32, 9], Array.ConvertAll(resumed.Agent.NamedParameters().Single(p => p.Name == "encoder.mu.0.weight").Parameter.Shape, d => (int)d));
        Assert.False(initial["encoder.mu.0.weight"].SequenceEqual(straight["encoder.mu.0.weight"]), "the critic's updates never reached μ");
        Assert.All(straight, kv => Assert.True(kv.Value.SequenceEqual(split[kv.Key]), $"{kv.Key} differs after resume"));
        Assert.False(File.Exists(Path.Combine(runs.Directory, "p1-straight", "checkpoints", PolicyFile.FileName)), "a teacher that reads e_t must not be written as a deployable policy");
    }

    [Fact]
    public void Resuming_a_phase_one_run_without_rma_is_refused_naming_rma_phase1()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(runs.PhaseOne("phase1", 900) with { Rma = null }, TextWriter.Null, resume: true));
        Assert.Equal(RmaPhaseOne.MetadataKey, e.Field);
    }

    [Fact]
    public void Phase_two_learns_zhat_and_a_resumed_run_ends_like_an_uninterrupted_one()
    {
        Dictionary<string, float[]> straight;
        using (var trainer = new AdaptationTrainer(runs.PhaseTwo("phase1", "p2-straight", 900), TextWriter.Null, resume: false))
        {
            trainer.Run();
            straight = Weights(trainer.Phi.NamedParameters());
            Assert.True(trainer.Evaluations[^1].ZRms < trainer.Evaluations[0].ZRms, "ẑ's error must fall as φ trains");
        }

        using (var first = new AdaptationTrainer(runs.PhaseTwo("phase1", "p2-split", 300), TextWriter.Null, resume: false))
        {
            first.Run();
        }

        using var resumed = new AdaptationTrainer(runs.PhaseTwo("phase1", "p2-split", 900), TextWriter.Null, resume: true);
        resumed.Run();
        var split = Weights(resumed.Phi.NamedParameters());

        Assert.All(straight, kv => Assert.True(kv.Value.SequenceEqual(split[kv.Key]), $"{kv.Key} differs after resume"));
        Assert.Equal(Columns(Path.Combine(runs.Directory, "p2-straight", "train.csv"), 7), Columns(Path.Combine(runs.Directory, "p2-split", "train.csv"), 7));
        Assert.Equal("frame,step,mean_return,success_rate,episodes,cpu_s,wall_s,z_rms", File.ReadLines(Path.Combine(runs.Directory, "p2-split", "eval.csv")).First());
    }

    [Fact]
    public void The_rma_policy_file_carries_pi_mu_phi_and_the_mean_z_and_loads_as_an_rma_policy()
    {
        var manifest = PolicyFile.ReadManifest(runs.RmaPolicy);
        Assert.Equal("rma", manifest.Agent.Kind);
        Assert.Equal(["actor", "mu", "phi", "mean_z"], manifest.Agent.Networks.Select(n => n.Name));
        Assert.Equal((8.0, 9.0, 50.0, 10.0), (manifest.Agent.Settings["z_dim"], manifest.Agent.Settings["env_factor_dim"], manifest.Agent.Settings["history_length"], manifest.Agent.Settings["phi_rate_hz"]));

        using var loaded = PolicyFile.Load(runs.RmaPolicy);
        var rma = Assert.IsType<RmaPolicy>(loaded.Policy);
        using var file = SafetensorsFile.Open(runs.RmaPolicy);
        Assert.Equal(file[RmaBundle.MeanZTensor].AsSpan<float>().ToArray(), rma.MeanZ);
        Assert.Equal(0.04, rma.Schedule.PolicyPeriodS, 12);
        var factors = EnvFactorSet.FromJson(file.Metadata[RmaBundle.EnvFactorsKey], runs.RmaPolicy, RmaBundle.EnvFactorsKey);
        Assert.Equal("payload_kg/hand", factors.Factors[0].Name);
        Assert.Equal((0.7, 1.3), (factors.Factors[1].Min, factors.Factors[1].Max));
    }

    [Fact]
    public void Phase_two_on_a_plain_drqv2_run_is_refused_naming_rma_phase1()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new AdaptationTrainer(runs.PhaseTwo("dr_only", "p2-wrong", 300), TextWriter.Null, resume: false));
        Assert.Equal(RmaPhaseOne.MetadataKey, e.Field);
        Assert.Contains("not an RMA phase-1 run", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Phase_two_into_a_folder_with_an_earlier_phase_two_is_refused_unless_resumed_or_overwritten()
    {
        var options = runs.PhaseTwo("phase1", "p2-again", 300);
        using (new AdaptationTrainer(options, TextWriter.Null, resume: false))
        {
        }

        var e = Assert.Throws<InvalidConfigException>(() => new AdaptationTrainer(options, TextWriter.Null, resume: false));
        using var replaced = new AdaptationTrainer(options, TextWriter.Null, resume: false, overwrite: true);

        Assert.Contains("--overwrite", e.Message, StringComparison.Ordinal);
        Assert.Contains("another --out", e.Message, StringComparison.Ordinal);
        Assert.Empty(replaced.Evaluations);
    }

    [Fact]
    public void A_history_too_short_for_phis_convolutions_is_refused_naming_rma_history_length()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new AdaptationTrainer(runs.PhaseTwo("phase1", "p2-short", 300) with { HistoryLength = 20 }, TextWriter.Null, resume: false));
        Assert.Equal("rma.history_length", e.Field);
        Assert.Contains("at least 40", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rma_on_a_task_without_an_e_t_selection_is_refused_naming_rma()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new Trainer(runs.PhaseOne("reach-rma", 300) with { Task = "reach", World = null }, TextWriter.Null, resume: false));
        Assert.Equal("rma", e.Field);
    }

    [Fact]
    public void The_evaluation_scores_four_policies_on_three_worlds_and_writes_csv_markdown_json_and_the_tracking_plot()
    {
        var options = new RmaEvalOptions
        {
            RmaPolicy = runs.RmaPolicy,
            BaselinePolicy = runs.BaselinePolicy,
            Episodes = 1,
            Seed = 7,
            JumpEpisodes = 1,
            OutDirectory = Path.Combine(runs.Directory, "eval"),
        };

        var report = RmaEvaluation.Run(options, TextWriter.Null);
        RmaEvaluation.Write(report, options);

        Assert.Equal(12, report.Rows.Count);
        Assert.Equal(RmaEvaluation.Worlds.SelectMany(w => RmaEvaluation.Policies.Select(p => (w, p))), report.Rows.Select(r => (r.World, r.Policy)));
        Assert.All(report.Rows, r => Assert.True(double.IsFinite(r.Return) && r.FinalError > 0 && r.Torque > 0 && r.Smoothness > 0, $"{r.World}/{r.Policy}"));
        Assert.Equal(150, report.Tracking.Count);
        Assert.NotEqual(report.Tracking[0].PayloadKg, report.Tracking[^1].PayloadKg);
        using var json = JsonDocument.Parse(RmaEvaluation.Json(report));
        foreach (var world in RmaEvaluation.Worlds)
        {
            foreach (var policy in RmaEvaluation.Policies)
            {
                var cell = json.RootElement.GetProperty(world).GetProperty(policy);
                Assert.All(new[] { "success", "return", "final_error", "torque", "smoothness" }, k => cell.GetProperty(k).GetDouble());
            }
        }

        Assert.Equal(13, File.ReadAllLines(Path.Combine(options.OutDirectory, RmaEvaluation.CsvFileName)).Length);
        Assert.Contains("| real_like | expert |", File.ReadAllText(Path.Combine(options.OutDirectory, RmaEvaluation.MarkdownFileName)), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(options.OutDirectory, RmaEvaluation.TrackingPlotFileName)).Length > 1000);
    }

    [Fact]
    public void The_evaluation_refuses_a_baseline_that_is_not_a_drqv2_policy()
    {
        var options = new RmaEvalOptions { RmaPolicy = runs.RmaPolicy, BaselinePolicy = runs.RmaPolicy, Episodes = 1, OutDirectory = Path.Combine(runs.Directory, "eval-bad") };
        var e = Assert.Throws<PolicyFileException>(() => RmaEvaluation.Run(options, TextWriter.Null));
        Assert.Contains("DR-only baseline", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.OutDirectory));
    }

    [Fact]
    public void The_settling_time_is_how_long_after_the_jump_the_error_stays_back_in_its_band()
    {
        var trace = Enumerable.Range(0, 150).Select(i =>
        {
            var t = i * 0.04;
            var error = t < 3 ? 0.1 : t < 3.4 ? 0.5 : 0.11;
            return new RmaTrackingPoint(t, t < 3 ? 0 : 2, error, 0.6);
        }).ToList();

        Assert.Equal(0.4, RmaEvaluation.SettleTime(trace, 3.0), 6);
        Assert.True(double.IsNaN(RmaEvaluation.SettleTime([.. trace.Select(p => p with { ErrorWithPhi = p.TimeS < 3 ? 0.1 : 0.5 })], 3.0)));
    }
}
