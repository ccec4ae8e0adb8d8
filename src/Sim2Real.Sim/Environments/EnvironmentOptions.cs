using Sim2Real.Core;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Rendering;
using Sim2Real.Sim.Tasks;

namespace Sim2Real.Sim.Environments;

/// <summary>Which robot and task to run, and how the agent sees and drives it.</summary>
public sealed record EnvironmentOptions
{
    /// <summary>Folder name under robots/, e.g. <c>arm6</c>.</summary>
    public string Robot { get; init; } = "arm6";

    /// <summary>Task name from <see cref="TaskCatalog"/>, e.g. <c>reach</c>.</summary>
    public string Task { get; init; } = "reach";

    /// <summary>Control steps per agent step; rewards are summed over them (DrQ-v2 uses 2).</summary>
    public int ActionRepeat { get; init; } = 2;

    /// <summary>Renders a raw camera frame from <see cref="Camera"/> each agent step (TimeStep.Frame).</summary>
    public bool Pixels { get; init; }

    /// <summary>Camera for frames; null picks the robot's first listed camera.</summary>
    public string? Camera { get; init; }

    /// <summary>Render size overriding the camera's own resolution from robot.yaml (videos); null keeps it.</summary>
    public int? ImageWidth { get; init; }

    public int? ImageHeight { get; init; }

    /// <summary>Fast (no MSAA, shadows or reflections) for training; High for videos.</summary>
    public RenderQuality RenderQuality { get; init; } = RenderQuality.Fast;

    /// <summary>Samples physics (and, with pixels, visual) factors per episode from the robot's ranges.</summary>
    public bool Randomize { get; init; }

    /// <summary>Ranges to use instead of the robot's own <c>randomization:</c> section.</summary>
    public RandomizationConfig? Randomization { get; init; }

    /// <summary>robots/ folder; null finds it from the working directory.</summary>
    public string? RobotsRoot { get; init; }

    public ReachTaskOptions ReachTask { get; init; } = new();

    public PushTaskOptions PushTask { get; init; } = new();

    public WalkTaskOptions WalkTask { get; init; } = new();

    /// <exception cref="InvalidConfigException">Names the offending option.</exception>
    public void Validate()
    {
        const string source = "environment options";
        if (ActionRepeat is < 1 or > 100)
        {
            throw new InvalidConfigException(source, "action_repeat", $"must be 1..100, got {ActionRepeat}");
        }

        if (ImageWidth is < 8 or > 4096 || ImageHeight is < 8 or > 4096)
        {
            throw new InvalidConfigException(source, "image_size", $"must be 8..4096 pixels, got {ImageWidth}x{ImageHeight}");
        }

        ReachTask.Validate(source);
        PushTask.Validate(source);
        WalkTask.Validate(source);
    }
}
