using Sim2Real.Core;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Randomization;

/// <summary>
/// Ranges for the physical factors sampled once per episode. Scales are multiplicative and centred on 1; an
/// absent range means "leave as modelled". Units are in the names.
/// </summary>
public sealed class PhysicsRandomizationConfig
{
    /// <summary>Bodies whose mass and centre of mass are randomized (one factor each).</summary>
    public List<string> Bodies { get; init; } = [];

    public Interval MassScale { get; init; } = new(1, 1);

    /// <summary>Per-axis shift of each listed body's centre of mass.</summary>
    public Interval ComOffsetM { get; init; } = new(0, 0);

    /// <summary>Sliding friction scale for every geom, floor included: contacts take the larger of both sides.</summary>
    public Interval FrictionScale { get; init; } = new(1, 1);

    public Interval JointDampingScale { get; init; } = new(1, 1);

    /// <summary>Scales the whole actuator force (gain and bias together), like a weaker or stronger motor.</summary>
    public Interval MotorStrengthScale { get; init; } = new(1, 1);

    public Interval KpScale { get; init; } = new(1, 1);

    public Interval KdScale { get; init; } = new(1, 1);

    /// <summary>Delay between a policy's action and the actuators, in whole control steps.</summary>
    public Interval LatencySteps { get; init; } = new(0, 0);

    public double JointPositionNoiseRad { get; init; }

    public double JointVelocityNoiseRadS { get; init; }

    public PushConfig Push { get; init; } = new();

    internal void Validate(string source, string field)
    {
        MassScale.Validate(source, $"{field}.mass_scale", 0.05, 20);
        ComOffsetM.Validate(source, $"{field}.com_offset_m", -0.5, 0.5);
        FrictionScale.Validate(source, $"{field}.friction_scale", 0.01, 20);
        JointDampingScale.Validate(source, $"{field}.joint_damping_scale", 0, 100);
        MotorStrengthScale.Validate(source, $"{field}.motor_strength_scale", 0.01, 10);
        KpScale.Validate(source, $"{field}.kp_scale", 0.01, 10);
        KdScale.Validate(source, $"{field}.kd_scale", 0, 10);
        LatencySteps.Validate(source, $"{field}.latency_steps", 0, 50);
        if (LatencySteps.Min != Math.Floor(LatencySteps.Min) || LatencySteps.Max != Math.Floor(LatencySteps.Max))
        {
            throw new InvalidConfigException(source, $"{field}.latency_steps", $"bounds count whole control steps, got [{LatencySteps.Min}, {LatencySteps.Max}]");
        }

        ConfigChecks.NonNegative(source, $"{field}.joint_position_noise_rad", JointPositionNoiseRad);
        ConfigChecks.NonNegative(source, $"{field}.joint_velocity_noise_rad_s", JointVelocityNoiseRadS);
        for (var i = 0; i < Bodies.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Bodies[i]))
            {
                throw new InvalidConfigException(source, $"{field}.bodies[{i}]", "body names must not be empty");
            }
        }

        Push.Validate(source, $"{field}.push");
    }
}
