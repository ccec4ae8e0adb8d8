using System.Diagnostics;
using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Training.Rma;

/// <summary>
/// RMA's phase 2 (docs/rma.md section 4): φ learns to give μ's z from the state history, on-policy. π (frozen,
/// from phase 1) drives every rollout with the student's ẑ, φ running at its deployment rate on a history
/// pre-filled with the first state (<see cref="RmaPolicy"/>); each tick's state and e_t go into a FIFO from which
/// φ trains on MSE(ẑ, μ(e_t)), μ frozen. e_t's normalisation is phase 1's, frozen (the state has no running
/// normaliser; docs/rma.md 3.3). Episodes, evaluations and checkpoints fall on episode boundaries, and the FIFO, φ,
/// its Adam state and the batch generator are checkpointed, so a resumed run ends as an uninterrupted one. Each
/// checkpoint writes the RMA policy file (π, μ, φ, the mean z).
/// </summary>
public sealed class AdaptationTrainer : IDisposable
{
    public const string CheckpointFileName = "adaptation.safetensors";
    private const string OptimizerPrefix = "phi_opt";

    private readonly AdaptationOptions _options;
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private readonly RmaPhaseOne _phaseOne;
    private readonly RmaConfig _rma;
    private readonly EnvFactorSet _factors;
    private readonly IEnvironment _env;
    private readonly IEnvironment _evalEnv;
    private readonly DrQV2Agent _agent;
    private readonly AdaptationModule _phi;
    private readonly AdaptationLearner _learner;
    private readonly RmaPolicy _policy;
    private readonly float[] _meanZ;
    private readonly AdaptationData _data;
    private readonly SplitMix64 _random;
    private readonly MetricsLog _trainCsv;
    private readonly MetricsLog _evalCsv;
    private readonly List<AdaptationEval> _evals = [];
    private readonly AdaptationCounters _start = new();
    private readonly RunFolder _folder;

    /// <exception cref="FileNotFoundException">No phase-1 checkpoint, or --resume without a phase-2 one.</exception>
    /// <exception cref="InvalidConfigException">The run is not RMA phase 1, its e_t or state does not match the task now, or φ's history does not fit the convolutions.</exception>
    /// <exception cref="IOException">Another training process holds phase 2's folder.</exception>
    /// <param name="overwrite">Replace an earlier phase 2 in its folder; without it (or <paramref name="resume"/>) an earlier one is refused.</param>
    public AdaptationTrainer(AdaptationOptions options, TextWriter log, bool resume, TimeProvider? time = null, bool overwrite = false)
    {
        _options = options.Validate();
        _log = log;
        _time = time ?? TimeProvider.System;
        TorchInfo.Threads = options.Threads;
        var phaseOnePath = Path.Combine(options.PhaseOneDirectory, "checkpoints", TrainingCheckpoint.FileName);
        if (!File.Exists(phaseOnePath))
        {
            throw new FileNotFoundException($"--run-dir: no phase-1 training checkpoint at {phaseOnePath} (train it with `train --rma`)", phaseOnePath);
        }

        using (var file = SafetensorsFile.Open(phaseOnePath))
        {
            _phaseOne = file.Metadata.TryGetValue(RmaPhaseOne.MetadataKey, out var json)
                ? RmaPhaseOne.FromJson(json, phaseOnePath)
                : throw new InvalidConfigException(phaseOnePath, RmaPhaseOne.MetadataKey,
                    "not an RMA phase-1 run: it was trained without --rma, so it has no μ to distil into φ (train --rma first)");
        }

        _rma = (_phaseOne.Config with { HistoryLength = options.HistoryLength ?? _phaseOne.HistoryLength }).Validate(options.HistoryLength is null ? phaseOnePath : "--history-length");
        _factors = _phaseOne.FactorSet;
        var envOptions = new EnvironmentOptions { Robot = _phaseOne.Robot, Task = _phaseOne.Task, ActionRepeat = _phaseOne.ActionRepeat, World = _phaseOne.World };
        _env = RobotEnvironments.Create(envOptions);
        _evalEnv = RobotEnvironments.Create(envOptions);
        var now = EnvFactorSet.For(_env, _phaseOne.Task, _phaseOne.World, envOptions.PayloadReachTask);
        if (!now.Factors.Select(f => f.Name).SequenceEqual(_factors.Factors.Select(f => f.Name)))
        {
            throw new InvalidConfigException(phaseOnePath, "rma.phase1.env_factors",
                $"phase 1 was trained on e_t of {_factors.Size} values [{string.Join(", ", _factors.Factors.Select(f => f.Name))}]; the task gives {now.Size} [{string.Join(", ", now.Factors.Select(f => f.Name))}]");
        }

        if (_env.Layout.Size != _phaseOne.StateDim)
        {
            throw new InvalidConfigException(phaseOnePath, "rma.phase1.state_dim", $"phase 1's state has {_phaseOne.StateDim} values; the task's layout now has {_env.Layout.Size}");
        }

        var stateDim = _phaseOne.StateDim;
        _agent = new DrQV2Agent(_phaseOne.AgentConfig, RmaEncoder.ForStates(stateDim, _phaseOne.Config), [stateDim + _factors.Size], _env.ActionSpec.Size);
        using (var weights = SafetensorsFile.Open(Path.Combine(options.PhaseOneDirectory, "checkpoints", TrainingCheckpoint.AgentFileName)))
        {
            AgentCheckpoint.LoadInto(_agent, weights);
        }

        var mu = ((RmaEncoder)_agent.Encoder).Mu;
        Torch.ManualSeed((ulong)options.Seed);
        _phi = new AdaptationModule(stateDim, _rma);
        _learner = new AdaptationLearner(_phi, mu, options.LearningRate);
        _meanZ = MeanExtrinsics.Compute(mu);
        var schedule = new AdaptationSchedule(_env.Robot.Control.PeriodS * _phaseOne.ActionRepeat, _rma.AdaptationRateHz);
        _policy = new RmaPolicy(_agent.Actor, mu, _phi, _meanZ, schedule, Device.Cpu, owns: false, options.Directory);
        _data = new AdaptationData(options.DataCapacity, stateDim, _factors.Size, _rma.HistoryLength);
        _random = new SplitMix64(((ulong)options.Seed * 0x9E3779B97F4A7C15UL) + 1);

        _folder = RunFolder.Claim(options.Directory, resume, overwrite, folderOption: "--out");
        try
        {
            var checkpoint = Path.Combine(CheckpointDirectory, CheckpointFileName);
            if (resume)
            {
                if (!File.Exists(checkpoint))
                {
                    throw new FileNotFoundException($"--resume: no phase-2 checkpoint at {checkpoint}", checkpoint);
                }

                _start = LoadCheckpoint(checkpoint);
            }

            long? resumeFrame = resume ? _start.Tick * _phaseOne.ActionRepeat : null;
            _trainCsv = new MetricsLog(Path.Combine(options.Directory, "train.csv"), "frame,step,episode,episode_return,episode_success,phi_loss,z_rms,cpu_s,wall_s", resumeFrame);
            _evalCsv = new MetricsLog(Path.Combine(options.Directory, EvalResult.CsvFileName), AdaptationEval.CsvHeader, resumeFrame);
            foreach (var row in _evalCsv.Rows)
            {
                var f = row.Split(',');
                var e = EvalResult.ParseRows([row], _evalCsv.Path, 2)[0];
                _evals.Add(new AdaptationEval(e.Frame, e.MeanReturn, e.SuccessRate, e.Episodes, double.Parse(f[7], CultureInfo.InvariantCulture), e.CpuSeconds));
            }
    
        }
        catch
        {
            _trainCsv?.Dispose();
            _evalCsv?.Dispose();
            _folder.Abandon();
            throw;
        }
    }

    public string CheckpointDirectory => Path.Combine(_options.Directory, "checkpoints");

    public string PolicyPath => Path.Combine(CheckpointDirectory, Learning.Policies.PolicyFile.FileName);

    public AdaptationModule Phi => _phi;

    public IReadOnlyList<AdaptationEval> Evaluations => _evals;

    public EnvFactorSet Factors => _factors;

    /// <summary>Rolls out and trains until the frame budget is spent; returns the last evaluation.</summary>
    /// <exception cref="NonFiniteLossException">φ's loss became NaN or infinite.</exception>
    public AdaptationEval Run()
    {
        var repeat = _phaseOne.ActionRepeat;
        var k = _rma.HistoryLength;
        var stateDim = _phaseOne.StateDim;
        var batch = _options.BatchSize;
        var histories = new float[batch * k * stateDim];
        var factors = new float[batch * _factors.Size];
        var e = new float[_factors.Size];
        var action = new float[_env.ActionSpec.Size];
        var tick = _start.Tick;
        var episode = _start.Episode;
        var nextEval = _start.NextEvalFrame;
        var updates = _start.Updates;
        var cpuBase = _start.CpuSeconds - CpuSeconds();
        var wallStart = _time.GetTimestamp();
        double Wall() => _start.WallSeconds + _time.GetElapsedTime(wallStart).TotalSeconds;
        var lastProgress = _time.GetTimestamp();
        var loss = double.NaN;
        while (true)
        {
            var ts = _env.Reset(EpisodeSeeds.World(_options.Seed, episode));
            _policy.Reset();
            var episodeStart = tick;
            double episodeReturn = 0, squared = 0;
            long samples = 0;
            while (!ts.IsLast)
            {
                _factors.Read(ts, e);
                _policy.Act(new Observation(ts.Observation.State, privileged: e), action);
                _data.Add(ts.Observation.State, e, episodeStart);
                squared += SquaredError(_policy.Extrinsics, e);
                samples += _policy.Extrinsics.Length;
                if (_data.Written >= Math.Max(_options.WarmupTicks, k) && tick % _options.UpdateEveryTicks == 0)
                {
                    _data.Sample(batch, _random, histories, factors);
                    using var scope = TensorScope.Begin();
                    loss = _learner.Update(Tensor.FromSpan<float>(histories, [batch, k, stateDim]), Tensor.FromSpan<float>(factors, [batch, _factors.Size]));
                    if (!double.IsFinite(loss))
                    {
                        throw new NonFiniteLossException(tick, "phi_loss", loss, File.Exists(Path.Combine(CheckpointDirectory, CheckpointFileName)) ? Path.Combine(CheckpointDirectory, CheckpointFileName) : null);
                    }

                    updates++;
                }

                ts = _env.Step(action);
                episodeReturn += ts.Reward;
                tick++;
            }

            episode++;
            var frame = tick * repeat;
            var zRms = Math.Sqrt(squared / Math.Max(1, samples));
            _trainCsv.Append(frame, tick, episode, episodeReturn, ts.Info.Success ? 1 : 0, loss, zRms, cpuBase + CpuSeconds(), Wall());
            if (frame >= nextEval || frame >= _options.Frames)
            {
                var eval = Evaluate(frame) with { CpuSeconds = cpuBase + CpuSeconds() };
                _evals.Add(eval);
                _evalCsv.Append(frame, tick, eval.MeanReturn, eval.SuccessRate, eval.Episodes, eval.CpuSeconds, Wall(), eval.ZRms);
                LearningCurvePlot.Write(Path.Combine(_options.Directory, LearningCurvePlot.FileName), [.. _evals.Select(v => v.AsEvalResult())], _options.Frames);
                while (nextEval <= frame)
                {
                    nextEval += _options.EvalEveryFrames;
                }

                SaveCheckpoint(new AdaptationCounters { Tick = tick, Episode = episode, NextEvalFrame = nextEval, Updates = updates, CpuSeconds = cpuBase + CpuSeconds(), WallSeconds = Wall() });
                SavePolicy(frame, eval);
                _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"eval at frame {frame}: success {eval.SuccessRate:P0}, return {eval.MeanReturn:F1}, ẑ error (RMS) {eval.ZRms:F3} over {eval.Episodes} held-out episodes; {updates} φ updates, loss {loss:F4}; cpu {(cpuBase + CpuSeconds()) / 60:F1} min"));
            }

            if (frame >= _options.Frames)
            {
                return _evals[^1];
            }

            if (_time.GetElapsedTime(lastProgress).TotalSeconds >= 30)
            {
                lastProgress = _time.GetTimestamp();
                _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"frames {frame}/{_options.Frames} | return {episodeReturn:F1} | φ loss {loss:F4} | ẑ error {zRms:F3} | cpu {(cpuBase + CpuSeconds()) / 60:F1} min"));
            }
        }
    }

    /// <summary>Held-out episodes with ẑ driving π: success at the last step, mean return, ẑ's RMS error against μ(e_t).</summary>
    public AdaptationEval Evaluate(long frame)
    {
        var e = new float[_factors.Size];
        var action = new float[_evalEnv.ActionSpec.Size];
        var heldOut = EpisodeSeeds.HeldOut(_options.Seed);
        double total = 0, squared = 0;
        long samples = 0;
        var successes = 0;
        for (var i = 0; i < _options.EvalEpisodes; i++)
        {
            var ts = _evalEnv.Reset(EpisodeSeeds.World(heldOut, i));
            _policy.Reset();
            while (!ts.IsLast)
            {
                _factors.Read(ts, e);
                _policy.Act(new Observation(ts.Observation.State, privileged: e), action);
                squared += SquaredError(_policy.Extrinsics, e);
                samples += _policy.Extrinsics.Length;
                ts = _evalEnv.Step(action);
                total += ts.Reward;
            }

            successes += ts.Info.Success ? 1 : 0;
        }

        return new AdaptationEval(frame, total / _options.EvalEpisodes, (double)successes / _options.EvalEpisodes, _options.EvalEpisodes, Math.Sqrt(squared / Math.Max(1, samples)), double.NaN);
    }

    // ẑ against the teacher's z = μ(e_t) for the same step.
    private double SquaredError(ReadOnlySpan<float> zHat, float[] e)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        var z = _policy.Mu.Forward(Tensor.FromSpan<float>(e, [1, e.Length])).ToArray<float>();
        double sum = 0;
        for (var i = 0; i < z.Length; i++)
        {
            var d = zHat[i] - z[i];
            sum += d * d;
        }

        return sum;
    }

    private void SavePolicy(long frame, AdaptationEval eval)
    {
        var manifest = new PolicyManifest
        {
            Robot = PolicyRobot.From(_env.Robot.Spec),
            Timing = new PolicyTiming { ControlPeriodS = _env.Robot.Control.PeriodS, ActionRepeat = _phaseOne.ActionRepeat },
            Observation = PolicyObservation.From(_env.Layout, null),
            ActionSize = _env.ActionSpec.Size,
            Agent = RmaBundle.Agent(_phaseOne.StateDim, _phaseOne.AgentConfig, _rma),
            Training = new PolicyProvenance
            {
                Command = _options.CommandLine,
                Frames = frame,
                Seed = _options.Seed,
                GitCommit = GitCommit.Find(_options.Directory) ?? "",
                RunDirectory = Path.GetFullPath(_options.Directory),
                Host = Environment.MachineName,
                CreatedUtc = DateTimeOffset.UtcNow,
                EvalSuccess = double.IsFinite(eval.SuccessRate) ? Math.Round(eval.SuccessRate, 6) : null,
            },
        };
        RmaBundle.Save(PolicyPath, manifest, _agent.Actor, _policy.Mu, _phi, _meanZ, _factors.ToJson());
    }

    private void SaveCheckpoint(AdaptationCounters counters)
    {
        Directory.CreateDirectory(CheckpointDirectory);
        using var scope = TensorScope.Begin();
        var entries = _phi.NamedParameters("phi.").Select(p => p.Parameter.ToSafeTensor(p.Name)).ToList();
        var adam = _learner.Optimizer;
        entries.Add(SafeTensor.Create<long>($"{OptimizerPrefix}.step", [1], [adam.StepCount]));
        for (var i = 0; i < adam.Parameters.Count; i++)
        {
            var (m, v) = adam.Moments(i);
            entries.Add(m.ToSafeTensor($"{OptimizerPrefix}.{i}.exp_avg"));
            entries.Add(v.ToSafeTensor($"{OptimizerPrefix}.{i}.exp_avg_sq"));
            m.Dispose();
            v.Dispose();
        }

        entries.AddRange(_data.Entries());
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["agent"] = "rma_adaptation",
            ["run.phase_one"] = Path.GetFullPath(_options.PhaseOneDirectory),
            ["run.seed"] = _options.Seed.ToString(CultureInfo.InvariantCulture),
            [RmaWeights.HistoryLengthKey] = _rma.HistoryLength.ToString(CultureInfo.InvariantCulture),
            ["data.capacity"] = _data.Capacity.ToString(CultureInfo.InvariantCulture),
            ["data.written"] = _data.Written.ToString(CultureInfo.InvariantCulture),
            ["batch_rng"] = _random.State.ToString(CultureInfo.InvariantCulture),
            ["counters.step"] = counters.Tick.ToString(CultureInfo.InvariantCulture),
            ["counters.episode"] = counters.Episode.ToString(CultureInfo.InvariantCulture),
            ["counters.next_eval_frame"] = counters.NextEvalFrame.ToString(CultureInfo.InvariantCulture),
            ["counters.updates"] = counters.Updates.ToString(CultureInfo.InvariantCulture),
            ["counters.cpu_s"] = counters.CpuSeconds.ToString("R", CultureInfo.InvariantCulture),
            ["counters.wall_s"] = counters.WallSeconds.ToString("R", CultureInfo.InvariantCulture),
        };
        SafetensorsWriter.Write(Path.Combine(CheckpointDirectory, CheckpointFileName), entries, metadata);
    }

    private AdaptationCounters LoadCheckpoint(string path)
    {
        using var file = SafetensorsFile.Open(path);
        string Meta(string key) => file.Metadata.TryGetValue(key, out var v) ? v : throw new InvalidConfigException(path, key, "missing: not a phase-2 checkpoint");
        void Same(string key, string expected, string option)
        {
            if (Meta(key) != expected)
            {
                throw new InvalidConfigException(path, key, $"the checkpoint was written with {Meta(key)}; this run asks for {expected} ({option})");
            }
        }

        Same("run.seed", _options.Seed.ToString(CultureInfo.InvariantCulture), "--seed");
        Same(RmaWeights.HistoryLengthKey, _rma.HistoryLength.ToString(CultureInfo.InvariantCulture), "--history-length");
        Same("data.capacity", _data.Capacity.ToString(CultureInfo.InvariantCulture), "data capacity");
        var phi = _phi.NamedParameters("phi.").ToList();
        var adam = _learner.Optimizer;
        TensorSpec.Verify(path, file.Tensors.Where(t => t.Name.StartsWith("phi", StringComparison.Ordinal)),
            phi.Select(p => new TensorSpec(p.Name, SafetensorsDtype.F32, p.Parameter.Shape))
                .Append(new TensorSpec($"{OptimizerPrefix}.step", SafetensorsDtype.I64, [1]))
                .Concat(adam.Parameters.SelectMany((p, i) => new[]
                {
                    new TensorSpec($"{OptimizerPrefix}.{i}.exp_avg", SafetensorsDtype.F32, p.Shape),
                    new TensorSpec($"{OptimizerPrefix}.{i}.exp_avg_sq", SafetensorsDtype.F32, p.Shape),
                })));
        using (var scope = TensorScope.Begin())
        {
            foreach (var (name, p) in phi)
            {
                p.Copy_(file[name].ToTensor());
            }

            adam.StepCount = file[$"{OptimizerPrefix}.step"].AsSpan<long>()[0];
            for (var i = 0; i < adam.Parameters.Count; i++)
            {
                var (m, v) = adam.Moments(i);
                m.Copy_(file[$"{OptimizerPrefix}.{i}.exp_avg"].ToTensor());
                v.Copy_(file[$"{OptimizerPrefix}.{i}.exp_avg_sq"].ToTensor());
            }
        }

        long Long(string key) => long.Parse(Meta(key), CultureInfo.InvariantCulture);
        _data.Load(file, Long("data.written"));
        _random.Restore(ulong.Parse(Meta("batch_rng"), CultureInfo.InvariantCulture));
        return new AdaptationCounters
        {
            Tick = Long("counters.step"),
            Episode = Long("counters.episode"),
            NextEvalFrame = Long("counters.next_eval_frame"),
            Updates = Long("counters.updates"),
            CpuSeconds = double.Parse(Meta("counters.cpu_s"), CultureInfo.InvariantCulture),
            WallSeconds = double.Parse(Meta("counters.wall_s"), CultureInfo.InvariantCulture),
        };
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public void Dispose()
    {
        _trainCsv.Dispose();
        _evalCsv.Dispose();
        _policy.Dispose();
        _learner.Dispose();
        _phi.Dispose();
        _agent.Dispose();
        _env.Dispose();
        _evalEnv.Dispose();
        _folder.Dispose();
    }
}
