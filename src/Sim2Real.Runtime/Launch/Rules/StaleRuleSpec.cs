namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>A stale-input rule: trips when the newest sample of its topic is older than <c>timeout_s</c>.</summary>
public sealed record StaleRuleSpec
{
    public double? TimeoutS { get; init; }

    internal TimeSpan Timeout(string source, string field) =>
        TimeSpan.FromSeconds(RequiredField.Positive(TimeoutS, source, $"{field}.timeout_s"));
}
