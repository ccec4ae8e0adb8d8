namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>rates:</c> the control period (joint targets go out once per period) and the action repeat (the policy acts
/// once every that many periods). Both are checked against the policy file and the robot at start-up.
/// </summary>
public sealed record RatesSection
{
    public double? ControlPeriodS { get; init; }

    public int? ActionRepeat { get; init; }
}
