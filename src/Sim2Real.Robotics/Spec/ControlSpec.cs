using Sim2Real.Core;

namespace Sim2Real.Robotics.Spec;

/// <summary>
/// Control timing and action mapping. The <b>control period</b> is how often joint targets are sent to the robot;
/// the <b>policy period</b> is control period x action repeat: the policy acts once per policy period and its
/// action is held in between. Every part of the project uses these two words this way.
/// </summary>
public sealed record ControlSpec
{
    /// <summary>Seconds between joint-target commands (50 Hz: 0.02). The simulator steps physics period / timestep times per period.</summary>
    public double PeriodS { get; init; } = 0.02;

    /// <summary>Control periods per policy period (DrQ-v2 uses 2); a policy bundle records the one it was trained with.</summary>
    public int ActionRepeat { get; init; } = 2;

    public ActionMode ActionMode { get; init; } = ActionMode.PositionOffset;

    public double PolicyPeriodS => PeriodS * ActionRepeat;

    internal void Validate(string source)
    {
        if (!double.IsFinite(PeriodS) || PeriodS is < 1e-4 or > 1)
        {
            throw new InvalidConfigException(source, "control.period_s", $"must be in [0.0001, 1] s, got {PeriodS}");
        }

        if (ActionRepeat is < 1 or > 100)
        {
            throw new InvalidConfigException(source, "control.action_repeat", $"must be 1..100, got {ActionRepeat}");
        }
    }
}
