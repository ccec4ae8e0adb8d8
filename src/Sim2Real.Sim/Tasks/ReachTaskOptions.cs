using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>Reach task settings. The defaults are sized so a state-based DrQ-v2 learns it in CPU minutes.</summary>
public sealed record ReachTaskOptions
{
    /// <summary>100 control steps at 50 Hz: 2 s, time enough to settle on the target.</summary>
    public int EpisodeControlSteps { get; init; } = 100;

    public double SuccessRadiusM { get; init; } = 0.05;

    public double SuccessBonus { get; init; } = 1.0;

    /// <summary>
    /// Weight of a smooth proximity term, 1 - tanh(distance / success radius). The bonus is flat inside the radius
    /// and minus the distance is a weak slope there, so without it a policy settles on the rim of the radius, where
    /// latency and gain randomization push it out at the final step; this term pulls it to the centre.
    /// </summary>
    public double ProximityWeight { get; init; } = 1.0;

    public Interval TargetXM { get; init; } = new(0.25, 0.45);

    public Interval TargetYM { get; init; } = new(-0.2, 0.2);

    public Interval TargetZM { get; init; } = new(0.08, 0.3);

    /// <summary>Uniform noise on each joint's start position around home.</summary>
    public double InitialJointNoiseRad { get; init; } = 0.1;

    public void Validate(string source)
    {
        TaskOptionChecks.Steps(source, "reach.episode_control_steps", EpisodeControlSteps);
        TaskOptionChecks.Positive(source, "reach.success_radius_m", SuccessRadiusM);
        TaskOptionChecks.NonNegative(source, "reach.proximity_weight", ProximityWeight);
        TargetXM.Validate(source, "reach.target_x_m", -2, 2);
        TargetYM.Validate(source, "reach.target_y_m", -2, 2);
        TargetZM.Validate(source, "reach.target_z_m", 0, 2);
        TaskOptionChecks.NonNegative(source, "reach.initial_joint_noise_rad", InitialJointNoiseRad);
    }
}
