using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Recording;

/// <summary>What the recorder did: messages written and dropped, the deepest queue, and how long each write took on its thread.</summary>
public sealed record RecorderStatistics
{
    public required string Path { get; init; }

    public required long Written { get; init; }

    /// <summary>Messages the full queue refused; the control loop never waited for the writer.</summary>
    public required long Dropped { get; init; }

    public required int MaxQueueDepth { get; init; }

    /// <summary>Serialize + write of one message on the writer thread, s.</summary>
    public required LatencyHistogram WriteTime { get; init; }

    public required long Bytes { get; init; }
}
