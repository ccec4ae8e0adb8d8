using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.Robotics.Spec;

/// <summary>
/// The safe action of robot.yaml's <c>safe_action:</c> section: what the deployment runtime commands when any safety
/// rule trips, and keeps commanding until the trip is reset. It belongs to the robot, not to the policy: the same
/// arm holds its pose whichever policy drove it. A deployment description may override it.
/// </summary>
public sealed record SafeActionSpec
{
    public SafeActionKind Kind { get; init; } = SafeActionKind.Hold;

    /// <summary>
    /// Hold: 0 holds the measured pose at once; above 0 the targets keep the measured joint velocities and slow them
    /// to zero over this many seconds (constant deceleration), then hold. Only with fresh joint_states: stale readings
    /// are never extrapolated.
    /// </summary>
    public double DecelerateS { get; init; }

    /// <summary>Damping: the kd given to every joint while kp is 0. A few N·m·s/rad stops a fall without a jolt.</summary>
    public double KdNmSPerRad { get; init; }

    /// <summary>Crouch: the pose, one target per joint in robot.yaml's joint order.</summary>
    public IReadOnlyList<double> CrouchRad { get; init; } = [];

    /// <summary>Crouch: how fast targets move to the pose (rad/s).</summary>
    public double RateRadS { get; init; }

    /// <summary>The one safe action every robot can take when its file names none: hold the measured pose.</summary>
    public static SafeActionSpec HoldMeasured { get; } = new();

    /// <exception cref="InvalidConfigException">A field does not fit the kind or the robot's joints.</exception>
    public SafeActionSpec Validate(string source, string field, IReadOnlyList<JointSpec> joints)
    {
        ArgumentNullException.ThrowIfNull(joints);
        if (!Enum.IsDefined(Kind))
        {
            throw new InvalidConfigException(source, $"{field}.kind", $"unknown kind {Kind}; expected hold, damping or crouch");
        }

        ConfigChecks.NonNegative(source, $"{field}.decelerate_s", DecelerateS);
        ConfigChecks.NonNegative(source, $"{field}.kd_nm_s_per_rad", KdNmSPerRad);
        ConfigChecks.NonNegative(source, $"{field}.rate_rad_s", RateRadS);
        switch (Kind)
        {
            case SafeActionKind.Hold:
                Unused(source, field, "kd_nm_s_per_rad", KdNmSPerRad != 0);
                Unused(source, field, "crouch_rad", CrouchRad.Count != 0);
                Unused(source, field, "rate_rad_s", RateRadS != 0);
                if (DecelerateS > 2)
                {
                    throw new InvalidConfigException(source, $"{field}.decelerate_s", $"a hold that takes {DecelerateS} s to stop is no hold; use at most 2 s");
                }

                break;
            case SafeActionKind.Damping:
                Unused(source, field, "decelerate_s", DecelerateS != 0);
                Unused(source, field, "crouch_rad", CrouchRad.Count != 0);
                Unused(source, field, "rate_rad_s", RateRadS != 0);
                ConfigChecks.Positive(source, $"{field}.kd_nm_s_per_rad", KdNmSPerRad);
                break;
            case SafeActionKind.Crouch:
                Unused(source, field, "decelerate_s", DecelerateS != 0);
                Unused(source, field, "kd_nm_s_per_rad", KdNmSPerRad != 0);
                ConfigChecks.Positive(source, $"{field}.rate_rad_s", RateRadS);
                if (CrouchRad.Count != joints.Count)
                {
                    throw new InvalidConfigException(source, $"{field}.crouch_rad", $"needs one target per joint ({joints.Count}: {string.Join(", ", joints.Select(j => j.Name))}), got {CrouchRad.Count}");
                }

                for (var i = 0; i < joints.Count; i++)
                {
                    if (!double.IsFinite(CrouchRad[i]) || !joints[i].PositionLimitRad.Contains(CrouchRad[i]))
                    {
                        throw new InvalidConfigException(source, $"{field}.crouch_rad[{i}]", string.Create(CultureInfo.InvariantCulture,
                            $"{CrouchRad[i]} for joint '{joints[i].Name}' lies outside its position_limit_rad [{joints[i].PositionLimitRad.Min}, {joints[i].PositionLimitRad.Max}]"));
                    }
                }

                break;
        }

        return this;
    }

    private static void Unused(string source, string field, string name, bool given)
    {
        if (given)
        {
            throw new InvalidConfigException(source, $"{field}.{name}", "does not apply to this kind of safe action; remove it");
        }
    }
}
