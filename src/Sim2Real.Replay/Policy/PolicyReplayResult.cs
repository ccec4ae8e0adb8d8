namespace Sim2Real.Replay.Policy;

/// <summary>
/// What feeding a log's ticks through a policy gave: in the identical mode the ticks checked and the first mismatch
/// (null: every action bit-identical); in the comparison mode the per-joint differences and every action pair.
/// </summary>
public sealed record PolicyReplayResult
{
    public required bool Identical { get; init; }

    /// <summary>Ticks fed through the policy (in the identical mode, up to and including a mismatch).</summary>
    public required int Ticks { get; init; }

    public required int Episodes { get; init; }

    public ActionMismatch? Mismatch { get; init; }

    public IReadOnlyList<JointActionDifference> Differences { get; init; } = [];

    /// <summary>Comparison mode: per tick, the logged and the replayed raw action.</summary>
    public IReadOnlyList<(ulong Tick, float[] Logged, float[] Replayed)> Actions { get; init; } = [];
}
