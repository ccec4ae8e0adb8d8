namespace Sim2Real.Robotics.Policies;

/// <summary>Control period and action repeat the policy was trained with; it acts once per policy period.</summary>
public sealed record PolicyTiming
{
    public required double ControlPeriodS { get; init; }

    public required int ActionRepeat { get; init; }

    public double PolicyPeriodS => ControlPeriodS * ActionRepeat;
}
