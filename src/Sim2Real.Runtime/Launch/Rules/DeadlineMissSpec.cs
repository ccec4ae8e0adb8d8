namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>
/// deadline_miss: an inference that has not delivered within its policy period is counted and its result dropped,
/// and the next tick is skipped rather than queued; <c>consecutive</c> misses in a row trip.
/// </summary>
public sealed record DeadlineMissSpec
{
    public int? Consecutive { get; init; }

    internal int Resolve(string source, string field) => RequiredField.AtLeast(Consecutive, 1, source, $"{field}.consecutive");
}
