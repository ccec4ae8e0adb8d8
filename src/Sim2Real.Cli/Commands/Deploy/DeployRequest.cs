using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Cli.Commands.Deploy;

/// <summary>The options of one <c>deploy</c>, checked before anything loads.</summary>
internal sealed record DeployRequest
{
    public required string Launch { get; init; }

    public double? DurationS { get; init; }

    public int? Episodes { get; init; }

    public string? ExpectTrip { get; init; }

    public string? Policy { get; init; }

    public bool Record { get; init; } = true;

    public string? RecordTo { get; init; }

    public string? SummaryJson { get; init; }

    /// <summary>What follows <c>--ros-args</c> on the command line.</summary>
    public IReadOnlyList<string> RosArguments { get; init; } = [];

    /// <exception cref="InvalidConfigException">Names the flag.</exception>
    public void Validate()
    {
        if (DurationS is { } d && (!double.IsFinite(d) || d <= 0))
        {
            throw new InvalidConfigException("deploy", "--duration", string.Create(CultureInfo.InvariantCulture, $"must be a positive number of seconds, got {d}"));
        }

        if (Episodes is { } n && n < 1)
        {
            throw new InvalidConfigException("deploy", "--episodes", $"must be at least 1, got {n}");
        }

        if (ExpectTrip is { } rule && !RuleNames.Trippable.Contains(rule))
        {
            throw new InvalidConfigException("deploy", "--expect-trip", $"'{rule}' is not a rule; the rules: {string.Join(", ", RuleNames.Trippable)}");
        }

        if (RecordTo is { } path && File.Exists(path))
        {
            throw new InvalidConfigException(path, "--record-to", "exists; a log is never overwritten");
        }
    }
}
