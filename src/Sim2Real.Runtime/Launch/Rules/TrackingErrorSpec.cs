namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>
/// tracking_error: trips when some joint's measured position stays more than <c>limit_rad</c> from the commanded
/// target for <c>duration_s</c> without a break: the robot does not follow (pushed, blocked, mis-calibrated, or its
/// commands arrive late). The duration rides out the lag of a fast move and sensor noise.
/// </summary>
public sealed record TrackingErrorSpec
{
    public double? LimitRad { get; init; }

    public double? DurationS { get; init; }

    internal (double LimitRad, TimeSpan Duration) Resolve(string source, string field) =>
        (RequiredField.Positive(LimitRad, source, $"{field}.limit_rad"), TimeSpan.FromSeconds(RequiredField.Positive(DurationS, source, $"{field}.duration_s")));
}
