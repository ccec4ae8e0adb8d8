using Sim2Real.Runtime.Episodes;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Hosting;

/// <summary>What a deployment run did, for the terminal and for scripts (<c>deploy --summary-json</c>).</summary>
public sealed record DeploymentSummary
{
    public required string Deployment { get; init; }

    public required LoopStatistics Statistics { get; init; }

    /// <summary>Seconds on the deployment's clock from start to stop.</summary>
    public required double DurationS { get; init; }

    public required IReadOnlyList<Trip> Trips { get; init; }

    public required IReadOnlyList<EpisodeResult> Episodes { get; init; }

    public string? Refusal { get; init; }

    public string? ExpectTrip { get; init; }

    /// <summary>The run's log and what writing it cost; null when not recorded.</summary>
    public Recording.RecorderStatistics? Recording { get; init; }

    /// <summary>Trips other than the expected rule.</summary>
    public IReadOnlyList<Trip> UnexpectedTrips => [.. Trips.Where(t => t.Rule != ExpectTrip)];

    public bool ExpectedTripMissing => ExpectTrip is { } rule && Trips.All(t => t.Rule != rule);

    /// <summary>0 only when start-up succeeded, nothing unexpected tripped and the expected trip (if any) happened.</summary>
    public int ExitCode => Refusal is null && UnexpectedTrips.Count == 0 && !ExpectedTripMissing ? 0 : 1;

    public double SuccessRate => Episodes.Count == 0 ? double.NaN : Episodes.Count(e => e.Success) / (double)Episodes.Count;

    public static string RuleList => string.Join(", ", RuleNames.Trippable);
}
