using System.Diagnostics;
using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Replay;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Environments;
using Sim2Real.Training.Collection;
using Sim2Real.Training.Rma;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>
/// The reference's training loop (train.py): act, update every update_every_steps once the seed frames are in,
/// step the environment, store the transition; evaluate on held-out seeds every eval_every_frames, then write a
/// training checkpoint, the metrics and the learning curve. Evaluation and checkpoints fall on episode boundaries,
/// so a resumed run replays the same episodes, draws and updates as an uninterrupted one. Training episode k is the
/// world <c>EpisodeSeeds.World(seed, k)</c>; held-out evaluation episode i is <c>World(EpisodeSeeds.HeldOut(seed), i)</c>,
/// which <c>sim play --seed &lt;that run seed&gt;</c> plays again. Each checkpoint also writes the deployable policy file.
/// With <see cref="TrainOptions.Rma"/> this is RMA's phase 1: the agent's observation is the state followed by the
/// normalised e_t, its encoder is <see cref="RmaEncoder"/> (μ trains through the critic loss, the actor sees z
/// detached), and the checkpoint records what phase 2 (<see cref="AdaptationTrainer"/>) needs; a teacher that reads
/// e_t cannot drive a robot, so no policy file is written until phase 2.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainOptions _options;
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private readonly IProgress<TrainingProgress>? _progress;
    private readonly RunFolder _folder;
    private readonly IEnvironment _env;
    private readonly IEnvironment _evalEnv;
    private readonly DrQV2Agent _agent;
    private readonly ITransitionStore _replay;
    private readonly MetricsLog _trainCsv;
    private readonly MetricsLog _evalCsv;
    private readonly List<EvalResult> _evals = [];
    private readonly TrainingCounters _start;
    private readonly long[] _obsShape;
    private readonly EvalVideo _video;
    private readonly ObservationPipeline _trainObservations;
    private readonly ObservationPipeline _evalObservations;
    private readonly DrQV2Policy _evalPolicy;
    private readonly FramePreprocessorOptions? _frames;
    private readonly EnvFactorSet? _factors;
    private readonly RmaPhaseOne? _phaseOne;
    private readonly IStepCollector _collector;
    private string? _lastCheckpoint;

    /// <param name="resume">Continue the run in <see cref="TrainOptions.RunDirectory"/> from its training checkpoint.</param>
    /// <param name="progress">Gets the run's progress every second (a live display); without it, a plain progress line goes to <paramref name="log"/> every 30 seconds.</param>
    /// <param name="overwrite">Replace an earlier run in the folder; without it (or <paramref name="resume"/>) an earlier run is refused.</param>
    /// <exception cref="InvalidConfigException">An option, the folder or the checkpoint is wrong; names it. No folder is left that this run created.</exception>
    /// <exception cref="IOException">Another training process holds the folder.</exception>
    public Trainer(TrainOptions options, TextWriter log, bool resume, TimeProvider? time = null, IProgress<TrainingProgress>? progress = null, bool overwrite = false)
    {
        _options = options.Validate();
        _log = log;
        _time = time ?? TimeProvider.System;
        _progress = progress;
        _folder = RunFolder.Claim(options.RunDirectory, resume, overwrite);
        try
        {
            TorchInfo.Threads = options.Threads;
            var device = Device.Parse(options.Device);
            var pixels = options.Observation == ObservationKind.Pixels;
            var envOptions = new EnvironmentOptions
            {
                Robot = options.Robot,
                Task = options.Task,
                ActionRepeat = options.ActionRepeat,
                Pixels = pixels,
                Camera = options.Camera,
                Randomize = options.World is null && options.Randomize,
                World = options.World,
            };
            _env = RobotEnvironments.Create(envOptions);
            _video = new EvalVideo(envOptions);
            _evalEnv = RobotEnvironments.Create(envOptions);
            _frames = pixels ? options.FramePipeline(_env.Robot.Camera(_env.Camera!)) : null;
            _trainObservations = new ObservationPipeline(_frames);
            _evalObservations = new ObservationPipeline(_frames);
            var actionDim = _env.ActionSpec.Size;
            var checkpointPath = Path.Combine(CheckpointDirectory, TrainingCheckpoint.FileName);
            if (resume && !File.Exists(checkpointPath))
            {
                throw new FileNotFoundException($"--resume: no training checkpoint at {checkpointPath}", checkpointPath);
            }

            if (options.Rma is { } rmaOptions)
            {
                _factors = EnvFactorSet.For(_env, options.Task, options.WorldName, envOptions.PayloadReachTask);
                var rma = (rmaOptions with { EnvFactorDim = _factors.Size }).Validate("train options");
                _phaseOne = RmaPhaseOne.From(options, _env.Layout.Size, _factors, rma);
                _obsShape = [_env.Layout.Size + _factors.Size];
                Torch.ManualSeed((ulong)options.Seed);
                _agent = new DrQV2Agent(options.Agent, RmaEncoder.ForStates(_env.Layout.Size, rma), _obsShape, actionDim, device);
            }
            else
            {
                _obsShape = pixels ? [.. _trainObservations.PixelShape!.Select(d => (long)d)] : [_env.Layout.Size];
                Torch.ManualSeed((ulong)options.Seed);
                _agent = new DrQV2Agent(options.Agent, _obsShape, actionDim, device);
            }

            _evalPolicy = DrQV2Policy.Borrow(_agent, options.RunDirectory);

            _start = new TrainingCounters { NextEvalFrame = 0 };
            ReplayState? replayState = null;
            if (resume)
            {
                (_start, replayState) = TrainingCheckpoint.Load(checkpointPath, options, _agent);
                ResumeCheck.Require(checkpointPath, _start, options.ActionRepeat, Path.Combine(options.RunDirectory, TrainCsvFileName), Path.Combine(options.RunDirectory, EvalResult.CsvFileName));
                _lastCheckpoint = checkpointPath;
            }

            var replayOptions = new ReplayOptions
            {
                Capacity = options.ReplayCapacity,
                FrameShape = pixels ? [3, (int)_obsShape[1], (int)_obsShape[2]] : [(int)_obsShape[0]],
                FrameStack = pixels ? (int)_obsShape[0] / 3 : 1,
                ActionDim = actionDim,
                NStep = options.Agent.NStep,
                Discount = options.Agent.Discount,
                Seed = (ulong)options.Seed,
                Directory = Path.Combine(options.RunDirectory, "replay"),
            };
            _replay = pixels
                ? new PixelTransitions(replayState is null ? ReplayBuffer<byte>.Create(replayOptions) : ReplayBuffer<byte>.Open(replayOptions, replayState), device)
                : new StateTransitions(replayState is null ? ReplayBuffer<float>.Create(replayOptions) : ReplayBuffer<float>.Open(replayOptions, replayState), device);

            long? resumeFrame = resume ? _start.Step * options.ActionRepeat : null;
            _trainCsv = new MetricsLog(Path.Combine(options.RunDirectory, TrainCsvFileName),
                "frame,step,episode,episode_return,episode_success,critic_loss,actor_loss,fps,cpu_s,wall_s", resumeFrame);
            _evalCsv = new MetricsLog(Path.Combine(options.RunDirectory, EvalResult.CsvFileName), EvalResult.CsvHeader, resumeFrame);
            _evals.AddRange(EvalResult.ParseRows(_evalCsv.Rows, _evalCsv.Path, firstLine: 2));
            CollectedStep Collect(float[] action)
            {
                var ts = _env.Step(action);
                return new CollectedStep(ts, Observe(_trainObservations, ts));
            }

            _collector = options.Overlap ? new ThreadedStepCollector(Collect) : new InlineStepCollector(Collect);
        }
        catch
        {
            // What the constructor built so far holds native memory and file handles; a failed start leaves nothing behind.
            _trainCsv?.Dispose();
            _evalCsv?.Dispose();
            _replay?.Dispose();
            _evalPolicy?.Dispose();
            _agent?.Dispose();
            _env?.Dispose();
            _evalEnv?.Dispose();
            _folder.Abandon();
            throw;
        }
    }

    public const string TrainCsvFileName = "train.csv";

    public string CheckpointDirectory => Path.Combine(_options.RunDirectory, "checkpoints");

    public DrQV2Agent Agent => _agent;

    public IReadOnlyList<EvalResult> Evaluations => _evals;

    /// <summary>The frame the run starts from: 0, or the resumed checkpoint's.</summary>
    public long StartFrame => _start.Step * _options.ActionRepeat;

    /// <summary>A resumed run whose checkpoint already reached the frame budget: <see cref="Run"/> trains nothing.</summary>
    public bool AlreadyDone => _evals.Count > 0 && StartFrame >= _options.Frames;

    /// <summary>Trains until the frame budget is spent; returns the last evaluation.</summary>
    /// <exception cref="NonFiniteLossException">A loss became NaN or infinite; names the step, keeps the last checkpoint.</exception>
    public EvalResult Run()
    {
        if (AlreadyDone)
        {
            return _evals[^1];
        }

        var repeat = _options.ActionRepeat;
        var step = _start.Step;
        var episode = _start.Episode;
        var nextEval = _start.NextEvalFrame;
        var cpuBase = _start.CpuSeconds - CpuSeconds();
        var wallBase = _start.WallSeconds;
        var wallStart = _time.GetTimestamp();
        var startFrame = step * repeat;
        double Wall() => wallBase + _time.GetElapsedTime(wallStart).TotalSeconds;
        var lastProgress = _time.GetTimestamp();
        var rate = new RecentFrameRate(startFrame);
        UpdateMetrics? last = null;
        double lastReturn = double.NaN, episodeReturn = 0;
        var action = new float[_env.ActionSpec.Size];

        var ts = BeginEpisode(episode, out var observation);
        while (true)
        {
            if (ts.IsLast)
            {
                var frame = step * repeat;
                var fps = (frame - startFrame) / Math.Max(1e-9, _time.GetElapsedTime(wallStart).TotalSeconds);
                _trainCsv.Append(frame, step, episode, episodeReturn, ts.Info.Success ? 1 : 0,
                    last?.Critic.CriticLoss ?? double.NaN, last?.Actor.ActorLoss ?? double.NaN, fps, cpuBase + CpuSeconds(), Wall());
                lastReturn = episodeReturn;
                episodeReturn = 0;
                episode++;
                var due = frame >= nextEval;
                if (due || frame >= _options.Frames)
                {
                    var eval = Evaluate(step) with { CpuSeconds = cpuBase + CpuSeconds() };
                    _evals.Add(eval);
                    _evalCsv.Append(frame, step, eval.MeanReturn, eval.SuccessRate, eval.Episodes, eval.CpuSeconds, Wall());
                    LearningCurvePlot.Write(Path.Combine(_options.RunDirectory, LearningCurvePlot.FileName), _evals, _options.Frames);
                    // The video's player feeds plain observations; a phase-1 teacher also reads e_t.
                    if (_options.EvalVideo && _phaseOne is null)
                    {
                        _video.Record(Path.Combine(_options.RunDirectory, "eval_video"), $"frame_{frame:D9}", _evalPolicy, _frames, EpisodeSeeds.World(EpisodeSeeds.HeldOut(_options.Seed), 0));
                    }

                    while (due && nextEval <= frame)
                    {
                        nextEval += _options.EvalEveryFrames;
                    }

                    _lastCheckpoint = TrainingCheckpoint.Save(CheckpointDirectory, _options, _agent, _replay.CaptureState(), new TrainingCounters
                    {
                        Step = step,
                        Episode = episode,
                        NextEvalFrame = nextEval,
                        CpuSeconds = cpuBase + CpuSeconds(),
                        WallSeconds = Wall(),
                    }, _phaseOne);
                    if (_phaseOne is null)
                    {
                        PolicyFile.Save(Path.Combine(CheckpointDirectory, PolicyFile.FileName), TrainedPolicy.Manifest(_env, _options.ActionRepeat, _agent, _frames, TrainedPolicy.Provenance(_options, frame, eval)), _agent);
                    }

                    _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"eval at frame {frame}: success {eval.SuccessRate:P0}, return {eval.MeanReturn:F1} over {eval.Episodes} held-out episodes; checkpoint {_lastCheckpoint}"));
                }

                if (frame >= _options.Frames)
                {
                    return _evals[^1];
                }

                ts = BeginEpisode(episode, out observation);
            }

            using (var scope = TensorScope.Begin())
            {
                using (var obs = PolicyInput.From(observation, _obsShape, _agent.Device, _options.RunDirectory))
                {
                    _agent.Act(obs, step, evalMode: false).CopyTo<float>(action);
                }

                _collector.Begin(action);

                if (step * repeat >= _options.SeedFrames && step % _options.Agent.UpdateEverySteps == 0)
                {
                    var m = _agent.Update(_replay.Sample(_options.Agent.BatchSize), step);
                    if (!double.IsFinite(m.Critic.CriticLoss))
                    {
                        throw new NonFiniteLossException(step, "critic_loss", m.Critic.CriticLoss, _lastCheckpoint);
                    }

                    if (!double.IsFinite(m.Actor.ActorLoss))
                    {
                        throw new NonFiniteLossException(step, "actor_loss", m.Actor.ActorLoss, _lastCheckpoint);
                    }

                    last = m;
                }
            }

            (ts, observation) = _collector.End();
            _replay.Add(action, (float)ts.Reward, (float)ts.Discount, observation);
            episodeReturn += ts.Reward;
            step++;

            if (_time.GetElapsedTime(lastProgress).TotalSeconds >= (_progress is null ? 30 : 1))
            {
                lastProgress = _time.GetTimestamp();
                var fps = rate.Update(step * repeat, _time.GetElapsedTime(wallStart).TotalSeconds);
                Progress(step * repeat, fps, lastReturn, last, cpuBase + CpuSeconds());
            }
        }
    }

    /// <summary>Mean return and final-step success over EvalEpisodes held-out seeds, acting with the mean action.</summary>
    public EvalResult Evaluate(long step)
    {
        double total = 0;
        var successes = 0;
        var action = new float[_evalEnv.ActionSpec.Size];
        var heldOut = EpisodeSeeds.HeldOut(_options.Seed);
        for (var i = 0; i < _options.EvalEpisodes; i++)
        {
            var ts = _evalEnv.Reset(EpisodeSeeds.World(heldOut, i));
            _evalPolicy.Reset();
            while (!ts.IsLast)
            {
                _evalPolicy.Act(Observe(_evalObservations, ts), action);
                ts = _evalEnv.Step(action);
                total += ts.Reward;
            }

            successes += ts.Info.Success ? 1 : 0;
        }

        return new EvalResult(step * _options.ActionRepeat, total / _options.EvalEpisodes, (double)successes / _options.EvalEpisodes, _options.EvalEpisodes);
    }

    private TimeStep BeginEpisode(long episode, out Observation observation)
    {
        var ts = _env.Reset(EpisodeSeeds.World(_options.Seed, episode));
        observation = Observe(_trainObservations, ts);
        _replay.StartEpisode(observation);
        return ts;
    }

    /// <summary>What the agent sees: the pipeline's observation, with the normalised e_t after the state in phase 1.</summary>
    private Observation Observe(ObservationPipeline pipeline, TimeStep ts)
    {
        var observation = pipeline.Observe(ts);
        if (_factors is null)
        {
            return observation;
        }

        var state = observation.State;
        var row = new float[state.Length + _factors.Size];
        state.CopyTo(row, 0);
        _factors.Read(ts, row.AsSpan(state.Length));
        return new Observation(row, observation.Pixels, observation.Privileged);
    }

    private void Progress(long frame, double fps, double lastReturn, UpdateMetrics? last, double cpu)
    {
        var progress = new TrainingProgress(frame, _options.Frames, fps, lastReturn, last?.Critic.CriticLoss ?? double.NaN, last?.Actor.ActorLoss ?? double.NaN,
            _evals.Count > 0 ? _evals[^1].SuccessRate : null, cpu);
        if (_progress is not null)
        {
            _progress.Report(progress);
        }
        else
        {
            _log.WriteLine(progress.Line);
        }
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public void Dispose()
    {
        _collector.Dispose();
        _trainCsv.Dispose();
        _evalCsv.Dispose();
        _replay.Dispose();
        _evalPolicy.Dispose();
        _agent.Dispose();
        _env.Dispose();
        _evalEnv.Dispose();
        _folder.Dispose();
    }
}
