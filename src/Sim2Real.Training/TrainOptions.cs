using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Rma;
using Sim2Real.Robotics.Spec;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>
/// One training run: environment, budget, agent hyperparameters, cadence of evaluation and checkpoints. Every default
/// lives here, the per-observation-kind agent settings included (<see cref="For"/>); the CLI only overrides what it is given.
/// </summary>
public sealed record TrainOptions
{
    public string Robot { get; init; } = "arm6";

    public string Task { get; init; } = "reach";

    public ObservationKind Observation { get; init; } = ObservationKind.State;

    /// <summary>Environment frames (agent steps x action repeat) to train for.</summary>
    public long Frames { get; init; } = 100_000;

    public int Seed { get; init; } = 1;

    /// <summary>"cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    public int Threads { get; init; } = 1;

    /// <summary>Control steps per agent step (the reference's action_repeat).</summary>
    public int ActionRepeat { get; init; } = 2;

    /// <summary>Physics (and visual) domain randomization, sampled per episode.</summary>
    public bool Randomize { get; init; } = true;

    /// <summary>A named world of the robot to train in (robot.yaml <c>worlds:</c>, e.g. rma_training); null: randomized or nominal as <see cref="Randomize"/> says.</summary>
    public string? World { get; init; }

    /// <summary>RMA phase 1 (docs/rma.md): e_t appended to the state and μ trained through the critic; null trains plain DrQ-v2.</summary>
    public RmaConfig? Rma { get; init; }

    /// <summary>The world the environments are drawn from, as EnvironmentOptions names it.</summary>
    public string WorldName => World ?? (Randomize ? "randomized" : "nominal");

    /// <summary>Frames of uniform random actions before updates start (the reference's num_seed_frames).</summary>
    public long SeedFrames { get; init; } = 4000;

    public long EvalEveryFrames { get; init; } = 10_000;

    public int EvalEpisodes { get; init; } = 20;

    /// <summary>Film the first held-out evaluation episode at every evaluation (eval_video/).</summary>
    public bool EvalVideo { get; init; } = true;

    public int ReplayCapacity { get; init; } = 1_000_000;

    /// <summary>Where metrics, curve, checkpoints and replay go.</summary>
    public string RunDirectory { get; init; } = "runs/train";

    public DrQV2Config Agent { get; init; } = new();

    /// <summary>Camera of a pixel agent; null takes the robot's first camera.</summary>
    public string? Camera { get; init; }

    /// <summary>Side of the square frames a pixel agent sees, after the frame pipeline's resize (DrQ-v2: 84).</summary>
    public int ImageSize { get; init; } = 84;

    /// <summary>Frames stacked per pixel observation (DrQ-v2: 3).</summary>
    public int FrameStack { get; init; } = 3;

    /// <summary>The command line that started the run, recorded in the policy file's provenance.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>Step the simulator on its own thread while the learner updates; the results are the same bit for bit.</summary>
    public bool Overlap { get; init; }

    /// <summary>Largest run seed: held-out evaluation uses the run seed EpisodeSeeds.HeldOut(seed).</summary>
    public const int MaxSeed = 1_000_000;

    /// <summary>
    /// The defaults of a run on <paramref name="kind"/> observations. Pixels keep the reference's agent settings.
    /// States get a narrower MLP, 3x the learning rate and a 20k-frame exploration decay: measured on arm6 reach
    /// (docs/learning.md), where the reference's settings, made for millions of DMC frames, learn nothing useful
    /// within the 30 CPU-minute budget.
    /// </summary>
    public static TrainOptions For(ObservationKind kind) => new() { Observation = kind, Agent = AgentPreset(kind) };

    /// <summary>The DrQ-v2 settings <see cref="For"/> uses for <paramref name="kind"/>.</summary>
    public static DrQV2Config AgentPreset(ObservationKind kind) => kind == ObservationKind.Pixels
        ? new DrQV2Config { HiddenDim = 1024, LearningRate = 1e-4, StddevSchedule = "linear(1.0,0.1,500000)" }
        : new DrQV2Config { HiddenDim = 256, LearningRate = 3e-4, StddevSchedule = "linear(1.0,0.1,10000)" };

    /// <summary>The frame pipeline of a pixel agent: the camera's own resolution in, square ImageSize frames out.</summary>
    public FramePreprocessorOptions FramePipeline(CameraSpec camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new FramePreprocessorOptions
        {
            InputWidth = camera.Width,
            InputHeight = camera.Height,
            OutputWidth = ImageSize,
            OutputHeight = ImageSize,
            FrameStack = FrameStack,
        }.Validate("train options");
    }

    /// <exception cref="InvalidConfigException">Names the offending option.</exception>
    public TrainOptions Validate(string source = "train options")
    {
        if (Frames < 1)
        {
            throw new InvalidConfigException(source, "frames", $"must be positive, got {Frames}");
        }

        if (ActionRepeat < 1)
        {
            throw new InvalidConfigException(source, "action_repeat", $"must be positive, got {ActionRepeat}");
        }

        if (EvalEveryFrames < 1 || EvalEpisodes < 1)
        {
            throw new InvalidConfigException(source, "eval", $"eval_every_frames and eval_episodes must be positive, got {EvalEveryFrames} and {EvalEpisodes}");
        }

        if (Seed is < 0 or > MaxSeed)
        {
            throw new InvalidConfigException(source, "seed", $"must be in [0, {MaxSeed}], got {Seed}");
        }

        if (ImageSize is < 16 or > 512 || FrameStack is < 1 or > 16)
        {
            throw new InvalidConfigException(source, "image_size/frame_stack", $"image size must be 16..512 and frame stack 1..16, got {ImageSize} and {FrameStack}");
        }

        if (SeedFrames < 0)
        {
            throw new InvalidConfigException(source, "seed_frames", $"must be 0 or more, got {SeedFrames}");
        }

        RequireDevice(source);
        if (Threads < 1)
        {
            throw new InvalidConfigException(source, "threads", $"must be positive, got {Threads}");
        }

        if (Rma is { } rma)
        {
            if (Observation == ObservationKind.Pixels)
            {
                throw new InvalidConfigException(source, "rma", "RMA phase 1 trains on states (RMA is proprioceptive; pixel e_t needs its own batch field, docs/rma.md 3.1)");
            }

            // e_t's size comes from the task; check the rest now, before any environment is built.
            (rma with { EnvFactorDim = Math.Max(1, rma.EnvFactorDim) }).Validate(source);
        }

        if (World is not null && string.IsNullOrWhiteSpace(World))
        {
            throw new InvalidConfigException(source, "world", "must name a world of the robot");
        }

        Agent.Validate(source);
        return this;
    }

    /// <summary>The device must parse and exist here: a CUDA run on a CPU-only libtorch would fail deep inside the first tensor move.</summary>
    private void RequireDevice(string source)
    {
        Learning.Tensors.Device device;
        try
        {
            device = Learning.Tensors.Device.Parse(Device);
        }
        catch (FormatException)
        {
            throw new InvalidConfigException(source, "device", $"must be cpu, cuda or cuda:N, got '{Device}'");
        }

        if (device.Type == Learning.Tensors.DeviceType.Cuda && !Learning.TorchInfo.CudaAvailable)
        {
            throw new InvalidConfigException(source, "device", $"{Device}: this libtorch has no CUDA device (a CPU-only build, or no GPU visible); train with cpu, or build against a CUDA libtorch (README, Native build)");
        }
    }
}
