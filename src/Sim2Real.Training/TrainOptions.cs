using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Robotics.Spec;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>One training run: environment, budget, agent hyperparameters, cadence of evaluation and checkpoints.</summary>
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

    /// <summary>Frames of uniform random actions before updates start (the reference's num_seed_frames).</summary>
    public long SeedFrames { get; init; } = 4000;

    public long EvalEveryFrames { get; init; } = 10_000;

    public int EvalEpisodes { get; init; } = 10;

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

    /// <summary>Largest run seed: held-out evaluation uses the run seed EpisodeSeeds.HeldOut(seed).</summary>
    public const int MaxSeed = 1_000_000;

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

        if (Threads < 1)
        {
            throw new InvalidConfigException(source, "threads", $"must be positive, got {Threads}");
        }

        Agent.Validate(source);
        return this;
    }
}
