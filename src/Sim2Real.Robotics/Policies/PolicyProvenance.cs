namespace Sim2Real.Robotics.Policies;

/// <summary>The training run a policy came from.</summary>
public sealed record PolicyProvenance
{
    public string Command { get; init; } = "";

    public long Frames { get; init; }

    public int Seed { get; init; }

    public string GitCommit { get; init; } = "";

    public string RunDirectory { get; init; } = "";

    public string Host { get; init; } = "";

    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Held-out success rate at the last evaluation, when known.</summary>
    public double? EvalSuccess { get; init; }
}
