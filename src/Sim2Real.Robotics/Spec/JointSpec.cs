using Sim2Real.Core;

namespace Sim2Real.Robotics.Spec;

/// <summary>One actuated joint: limits, PD gains, home pose and how a normalized action maps onto it.</summary>
public sealed record JointSpec
{
    /// <summary>Joint name in the MJCF and on ROS topics; the actuator driving it carries the same name.</summary>
    public string Name { get; init; } = "";

    public Interval PositionLimitRad { get; init; }

    /// <summary>Also bounds how far a joint target may move per control period (the action mapping's rate limit).</summary>
    public double VelocityLimitRadS { get; init; }

    /// <summary>Actuator force limit, written into the model's forcerange.</summary>
    public double EffortLimitNm { get; init; }

    public double KpNmPerRad { get; init; }

    public double KdNmSPerRad { get; init; }

    /// <summary>A unit action moves the joint target this far from the home pose (or from the last target).</summary>
    public double ActionScaleRad { get; init; }

    /// <summary>The joint's home position: the origin of position-offset actions and of joint-position observations.</summary>
    public double HomeRad { get; init; }

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

        ConfigChecks.Positive(source, $"{field}.velocity_limit_rad_s", VelocityLimitRadS);
        ConfigChecks.Positive(source, $"{field}.effort_limit_nm", EffortLimitNm);
        ConfigChecks.Positive(source, $"{field}.kp_nm_per_rad", KpNmPerRad);
        ConfigChecks.NonNegative(source, $"{field}.kd_nm_s_per_rad", KdNmSPerRad);
        ConfigChecks.Positive(source, $"{field}.action_scale_rad", ActionScaleRad);
        if (!double.IsFinite(HomeRad) || !PositionLimitRad.Contains(HomeRad))
        {
            throw new InvalidConfigException(source, $"{field}.home_rad", $"{HomeRad} lies outside position_limit_rad [{PositionLimitRad.Min}, {PositionLimitRad.Max}]");
        }
    }
}
