using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>Push task settings.</summary>
public sealed record PushTaskOptions
{
    /// <summary>250 control steps at 50 Hz: 5 s.</summary>
    public int EpisodeControlSteps { get; init; } = 250;

    public double SuccessRadiusM { get; init; } = 0.05;

    public Interval BlockXM { get; init; } = new(0.3, 0.45);

    public Interval BlockYM { get; init; } = new(-0.15, 0.15);

    /// <summary>How far from the block's start the goal is placed, in a random direction.</summary>
    public Interval GoalDistanceM { get; init; } = new(0.1, 0.2);

    public void Validate(string source)
    {
        TaskOptionChecks.Steps(source, "push.episode_control_steps", EpisodeControlSteps);
        ConfigChecks.Positive(source, "push.success_radius_m", SuccessRadiusM);
        BlockXM.Validate(source, "push.block_x_m", -2, 2);
        BlockYM.Validate(source, "push.block_y_m", -2, 2);
        GoalDistanceM.Validate(source, "push.goal_distance_m", 0, 2);
    }
}
