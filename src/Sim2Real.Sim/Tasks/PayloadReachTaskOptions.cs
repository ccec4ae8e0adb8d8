using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Settings of <c>reach_payload</c>, the arm task where adaptation matters (issue 19): the reach task's settings
/// (<see cref="Reach"/>), plus a new target every target period and an unknown payload at the hand, which sags the
/// PD-controlled arm by an amount that depends on it and on the motor strength. Success is the reach's, judged at
/// the end of the episode. Defaults: 6 s episodes at 50 Hz with a new target every 2 s, 0-2 kg, a 2 cm radius.
/// </summary>
public sealed record PayloadReachTaskOptions
{
    /// <summary>
    /// The reach part: episode length, success radius, reward, target ranges and start noise. Here 300 control steps
    /// at 50 Hz (6 s, three targets), a 2 cm success radius and a 5 cm proximity scale.
    /// </summary>
    public ReachTaskOptions Reach { get; init; } = new() { EpisodeControlSteps = 300, SuccessRadiusM = 0.02, ProximityScaleM = 0.05 };

    /// <summary>A new target every 100 control steps (2 s at 50 Hz).</summary>
    public int TargetPeriodSteps { get; init; } = 100;

    /// <summary>The payload (kg) drawn per episode and added to the hand body's mass (at its centre of mass).</summary>
    public Interval PayloadKg { get; init; } = new(0, 2);

    /// <summary>Probability per control step of drawing a new payload mid-episode (RMA's test re-sampling; 0 in training).</summary>
    public double PayloadResampleProbability { get; init; }

    /// <summary>A deterministic payload change: at this control step the payload becomes <see cref="PayloadJumpKg"/> (the adaptation demo).</summary>
    public int? PayloadJumpStep { get; init; }

    public double PayloadJumpKg { get; init; }

    public string PayloadBody { get; init; } = "hand";

    public void Validate(string source)
    {
        ArgumentNullException.ThrowIfNull(Reach);
        Reach.Validate(source, "reach_payload");
        TaskOptionChecks.Steps(source, "reach_payload.target_period_steps", TargetPeriodSteps);
        PayloadKg.Validate(source, "reach_payload.payload_kg", 0, 20);
        if (!(PayloadResampleProbability is >= 0 and <= 1))
        {
            throw new InvalidConfigException(source, "reach_payload.payload_resample_probability", $"must be a probability in [0, 1], got {PayloadResampleProbability}");
        }

        if (PayloadJumpStep is < 0)
        {
            throw new InvalidConfigException(source, "reach_payload.payload_jump_step", $"must be a control step >= 0, got {PayloadJumpStep}");
        }

        ConfigChecks.NonNegative(source, "reach_payload.payload_jump_kg", PayloadJumpKg);
    }
}
