namespace Sim2Real.Runtime.Safety;

/// <summary>
/// A rule that tripped: why, when the fault became detectable (the timeout elapsed, the NaN was produced, the e-stop
/// arrived), and when the safe action went out for it. The gap between the two is the runtime's reaction time.
/// </summary>
public sealed class Trip(string rule, string reason, DateTimeOffset detectedAt)
{
    public string Rule { get; } = rule;

    public string Reason { get; } = reason;

    public DateTimeOffset DetectedAt { get; } = detectedAt;

    /// <summary>When the first safe command after detection was written; null until then.</summary>
    public DateTimeOffset? CommandedAt { get; internal set; }

    public TimeSpan? Reaction => CommandedAt - DetectedAt;

    public override string ToString() => $"{Rule}: {Reason}";
}
