using Sim2Real.Core;

namespace Sim2Real.Sim.Robots;

/// <summary>One actuated joint: limits, PD gains and how a normalized action maps onto it.</summary>
public sealed class JointConfig
{
    /// <summary>Joint name in the MJCF; the actuator driving it carries the same name.</summary>
    public string Name { get; init; } = "";

    public Interval PositionLimitRad { get; init; }

    public double VelocityLimitRadS { get; init; }

    /// <summary>Actuator force limit, written into the model's forcerange.</summary>
    public double EffortLimitNm { get; init; }

    public double KpNmPerRad { get; init; }

    public double KdNmSPerRad { get; init; }

    /// <summary>A unit action moves the joint target this far from the home pose.</summary>
    public double ActionScaleRad { get; init; }

    internal void Validate(string source, string field)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidConfigException(source, $"{field}.name", "a joint needs a name");
        }

        PositionLimitRad.Validate(source, $"{field}.position_limit_rad", -2 * Math.PI, 2 * Math.PI);
        if (PositionLimitRad.Width <= 0)
        {
            throw new InvalidConfigException(source, $"{field}.position_limit_rad", "the range must not be empty");
        }

        Positive(source, $"{field}.velocity_limit_rad_s", VelocityLimitRadS);
        Positive(source, $"{field}.effort_limit_nm", EffortLimitNm);
        Positive(source, $"{field}.kp_nm_per_rad", KpNmPerRad);
        NonNegative(source, $"{field}.kd_nm_s_per_rad", KdNmSPerRad);
        Positive(source, $"{field}.action_scale_rad", ActionScaleRad);
    }

    internal static void Positive(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new InvalidConfigException(source, field, $"must be a positive number, got {value}");
        }
    }

    internal static void NonNegative(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new InvalidConfigException(source, field, $"must be zero or positive, got {value}");
        }
    }
}
