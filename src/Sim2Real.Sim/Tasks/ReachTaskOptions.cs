using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Reach task settings: move the end effector to a target drawn in the workspace. The defaults are sized so a
/// state-based DrQ-v2 learns it in CPU minutes. <see cref="PayloadReachTaskOptions"/> holds one of these for its
/// reach part.
/// </summary>
public sealed record ReachTaskOptions
{
    /// <summary>100 control steps at 50 Hz: 2 s, time enough to settle on the target.</summary>
    public int EpisodeControlSteps { get; init; } = 100;

    /// <summary>Success: the end effector within this distance of the target.</summary>
    public double SuccessRadiusM { get; init; } = 0.05;

    public double SuccessBonus { get; init; } = 1.0;

    /// <summary>
    /// Weight of a smooth proximity term, 1 - tanh(distance / <see cref="ProximityScale"/>). The bonus is flat inside
    /// the radius and minus the distance is a weak slope there, so without it a policy settles on the rim of the radius,
    /// where latency and gain randomization push it out at the final step; this term pulls it to the centre.
    /// </summary>
    public double ProximityWeight { get; init; } = 1.0;

    /// <summary>The proximity term's scale; null: the success radius. A tight radius wants a wider scale, so far targets still pull.</summary>
    public double? ProximityScaleM { get; init; }

    public Interval TargetXM { get; init; } = new(0.25, 0.45);

    public Interval TargetYM { get; init; } = new(-0.2, 0.2);

    public Interval TargetZM { get; init; } = new(0.08, 0.3);

    /// <summary>Uniform noise on each joint's start position around home.</summary>
    public double InitialJointNoiseRad { get; init; } = 0.1;

    /// <summary>The scale the proximity term uses.</summary>
    public double ProximityScale => ProximityScaleM ?? SuccessRadiusM;

    /// <param name="source">Where the options come from, for the error.</param>
    /// <param name="section">The task's section, the fields' prefix: <c>reach</c>, or <c>reach_payload</c> for its reach part.</param>
    public void Validate(string source, string section = "reach")
    {
        TaskOptionChecks.Steps(source, $"{section}.episode_control_steps", EpisodeControlSteps);
        ConfigChecks.Positive(source, $"{section}.success_radius_m", SuccessRadiusM);
        if (ProximityScaleM is { } scale)
        {
            ConfigChecks.Positive(source, $"{section}.proximity_scale_m", scale);
        }

        ConfigChecks.NonNegative(source, $"{section}.proximity_weight", ProximityWeight);
        TargetXM.Validate(source, $"{section}.target_x_m", -2, 2);
        TargetYM.Validate(source, $"{section}.target_y_m", -2, 2);
        TargetZM.Validate(source, $"{section}.target_z_m", 0, 2);
        ConfigChecks.NonNegative(source, $"{section}.initial_joint_noise_rad", InitialJointNoiseRad);
    }
}
