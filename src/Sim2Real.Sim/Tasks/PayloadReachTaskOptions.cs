using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Settings of <c>reach_payload</c>, the arm task where adaptation matters (issue 19): an unknown payload at the hand
/// sags the PD-controlled arm by an amount that depends on it and on the motor strength, and success is a tight
/// radius at the end of the episode. Defaults: 6 s episodes at 50 Hz with a new target every 2 s, 0-2 kg, 2 cm.
/// </summary>
public sealed record PayloadReachTaskOptions
{
    /// <summary>300 control steps at 50 Hz: 6 s, three targets.</summary>
    public int EpisodeControlSteps { get; init; } = 300;

    /// <summary>A new target every 100 control steps (2 s at 50 Hz).</summary>
    public int TargetPeriodSteps { get; init; } = 100;

    /// <summary>Success: the hand within this distance of the last target at the episode's end.</summary>
    public double SuccessRadiusM { get; init; } = 0.02;

    /// <summary>Scale of the dense proximity term 1 - tanh(distance / scale); wider than the success radius so far targets still pull.</summary>
    public double ProximityScaleM { get; init; } = 0.05;

    public double ProximityWeight { get; init; } = 1.0;

    public double SuccessBonus { get; init; } = 1.0;

    /// <summary>The payload (kg) drawn per episode and added to the hand body's mass (at its centre of mass).</summary>
    public Interval PayloadKg { get; init; } = new(0, 2);

    /// <summary>Probability per control step of drawing a new payload mid-episode (RMA's test re-sampling; 0 in training).</summary>
    public double PayloadResampleProbability { get; init; }

    /// <summary>A deterministic payload change: at this control step the payload becomes <see cref="PayloadJumpKg"/> (the adaptation demo).</summary>
    public int? PayloadJumpStep { get; init; }

    public double PayloadJumpKg { get; init; }

    public string PayloadBody { get; init; } = "hand";

    public Interval TargetXM { get; init; } = new(0.25, 0.45);

    public Interval TargetYM { get; init; } = new(-0.2, 0.2);

    public Interval TargetZM { get; init; } = new(0.08, 0.3);

    public double InitialJointNoiseRad { get; init; } = 0.1;

    public void Validate(string source)
    {
        TaskOptionChecks.Steps(source, "reach_payload.episode_control_steps", EpisodeControlSteps);
        TaskOptionChecks.Steps(source, "reach_payload.target_period_steps", TargetPeriodSteps);
        TaskOptionChecks.Positive(source, "reach_payload.success_radius_m", SuccessRadiusM);
        TaskOptionChecks.Positive(source, "reach_payload.proximity_scale_m", ProximityScaleM);
        TaskOptionChecks.NonNegative(source, "reach_payload.proximity_weight", ProximityWeight);
        PayloadKg.Validate(source, "reach_payload.payload_kg", 0, 20);
        if (!(PayloadResampleProbability is >= 0 and <= 1))
        {
            throw new InvalidConfigException(source, "reach_payload.payload_resample_probability", $"must be a probability in [0, 1], got {PayloadResampleProbability}");
        }

        if (PayloadJumpStep is < 0)
        {
            throw new InvalidConfigException(source, "reach_payload.payload_jump_step", $"must be a control step >= 0, got {PayloadJumpStep}");
        }

        TaskOptionChecks.NonNegative(source, "reach_payload.payload_jump_kg", PayloadJumpKg);
        TargetXM.Validate(source, "reach_payload.target_x_m", -2, 2);
        TargetYM.Validate(source, "reach_payload.target_y_m", -2, 2);
        TargetZM.Validate(source, "reach_payload.target_z_m", 0, 2);
        TaskOptionChecks.NonNegative(source, "reach_payload.initial_joint_noise_rad", InitialJointNoiseRad);
    }
}
