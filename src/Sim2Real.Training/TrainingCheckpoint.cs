using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Replay;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Training;

/// <summary>
/// Everything a run needs to continue exactly: agent weights and Adam state (reference names plus *_opt.*),
/// libtorch's generator state, the replay position and generator, and the loop's counters. One safetensors file,
/// written atomically; the replay's frames stay in their memory-mapped files, flushed before the state is taken.
/// Beside it, agent.safetensors holds the weights alone, loadable by `agent act` and by the reference code.
/// </summary>
internal static class TrainingCheckpoint
{
    public const string FileName = "training.safetensors";
    public const string AgentFileName = "agent.safetensors";
    private const string RngTensor = "train.torch_rng";

    /// <summary>The agent's CUDA generator, written when training on a GPU (augmentation and noise draw from it).</summary>
    private const string CudaRngTensor = "train.torch_cuda_rng";

    /// <param name="phaseOne">An RMA phase-1 run's description for phase 2 (metadata "rma.phase1"); null for DrQ-v2.</param>
    public static string Save(string directory, TrainOptions options, DrQV2Agent agent, ReplayState replay, TrainingCounters counters, Rma.RmaPhaseOne? phaseOne = null)
    {
        Directory.CreateDirectory(directory);
        using var scope = TensorScope.Begin();
        var entries = AgentCheckpoint.Entries(agent, includeOptimizers: true).ToList();
        entries.Add(Torch.GetRngState().ToSafeTensor(RngTensor));
        if (agent.Device.Type == DeviceType.Cuda)
        {
            entries.Add(Torch.GetRngState(agent.Device).ToSafeTensor(CudaRngTensor));
        }
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["agent"] = "drqv2",
            ["obs_shape"] = string.Join(",", agent.ObsShape),
            ["run.robot"] = options.Robot,
            ["run.task"] = options.Task,
            ["run.observation"] = options.Observation.ToString(),
            ["run.seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["counters.step"] = counters.Step.ToString(CultureInfo.InvariantCulture),
            ["counters.episode"] = counters.Episode.ToString(CultureInfo.InvariantCulture),
            ["counters.next_eval_frame"] = counters.NextEvalFrame.ToString(CultureInfo.InvariantCulture),
            ["counters.cpu_s"] = counters.CpuSeconds.ToString("R", CultureInfo.InvariantCulture),
            ["counters.wall_s"] = counters.WallSeconds.ToString("R", CultureInfo.InvariantCulture),
            ["replay_state"] = replay.ToJson(),
            [AgentCheckpoint.PrecisionKey] = agent.Precision.Name(),
        };
        if (phaseOne is not null)
        {
            metadata[Rma.RmaPhaseOne.MetadataKey] = phaseOne.ToJson();
        }

        var path = Path.Combine(directory, FileName);
        SafetensorsWriter.Write(path, entries, metadata);
        AgentCheckpoint.Save(agent, Path.Combine(directory, AgentFileName));
        return path;
    }

    /// <summary>Loads weights, optimizers and RNG into <paramref name="agent"/>; returns the counters and replay state.</summary>
    /// <exception cref="InvalidConfigException">The checkpoint belongs to another robot, task, observation kind or seed.</exception>
    public static (TrainingCounters Counters, ReplayState Replay) Load(string path, TrainOptions options, DrQV2Agent agent)
    {
        using var file = SafetensorsFile.Open(path);
        string Meta(string key) => file.Metadata.TryGetValue(key, out var v)
            ? v
            : throw new InvalidConfigException(path, key, "missing from the checkpoint's metadata: not a training checkpoint");
        void Same(string key, string expected)
        {
            var actual = Meta(key);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw new InvalidConfigException(path, key, $"checkpoint was written for {actual}, this run asks for {expected}");
            }
        }

        Same("run.robot", options.Robot);
        Same("run.task", options.Task);
        Same("run.observation", options.Observation.ToString());
        Same("run.seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        if ((options.Rma is null) == file.Metadata.ContainsKey(Rma.RmaPhaseOne.MetadataKey))
        {
            throw new InvalidConfigException(path, Rma.RmaPhaseOne.MetadataKey, options.Rma is null
                ? "the checkpoint is an RMA phase-1 run; resume it with --rma"
                : "the checkpoint is a plain DrQ-v2 run; resume it without --rma");
        }

        AgentCheckpoint.RequireSamePrecision(file.Metadata, agent, path);
        if (!file.TryGet(RngTensor, out var rng))
        {
            throw new InvalidConfigException(path, RngTensor, "missing: not a training checkpoint");
        }

        using var agentFile = SafetensorsFile.Parse(
            SafetensorsWriter.Serialize(file.Tensors.Where(t => t.Name is not (RngTensor or CudaRngTensor))), path);
        AgentCheckpoint.LoadInto(agent, agentFile);
        using (var scope = TensorScope.Begin())
        {
            Torch.SetRngState(rng.ToTensor());

            // A CPU checkpoint resumed on a GPU (or the reverse) continues, but cannot replay the same draws.
            if (agent.Device.Type == DeviceType.Cuda && file.TryGet(CudaRngTensor, out var cudaRng))
            {
                Torch.SetRngState(cudaRng.ToTensor(), agent.Device);
            }
        }

        // A checkpoint is written after an episode ends, so a real one has at least one step and one episode.
        long Long(string key, long minimum) => long.TryParse(Meta(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= minimum
            ? v
            : throw new InvalidConfigException(path, key, $"must be a whole number of at least {minimum}, got '{Meta(key)}': the checkpoint is corrupt");
        double Seconds(string key) => double.TryParse(Meta(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0
            ? v
            : throw new InvalidConfigException(path, key, $"must be a finite number of seconds, 0 or more, got '{Meta(key)}': the checkpoint is corrupt");
        var counters = new TrainingCounters
        {
            Step = Long("counters.step", 1),
            Episode = Long("counters.episode", 1),
            NextEvalFrame = Long("counters.next_eval_frame", 0),
            CpuSeconds = Seconds("counters.cpu_s"),
            WallSeconds = Seconds("counters.wall_s"),
        };
        var replay = ReplayState.FromJson(Meta("replay_state"), path);

        // Every episode stored its reset frame and one record per step: nothing else adds to the buffer.
        if (replay.StepsWritten != counters.Step + counters.Episode)
        {
            throw new InvalidConfigException(path, "replay_state.steps_written", string.Create(CultureInfo.InvariantCulture,
                $"is {replay.StepsWritten}, but counters.step {counters.Step} and counters.episode {counters.Episode} wrote {counters.Step + counters.Episode} records: the checkpoint is corrupt"));
        }

        return (counters, replay);
    }
}
