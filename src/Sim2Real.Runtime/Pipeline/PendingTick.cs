namespace Sim2Real.Runtime.Pipeline;

/// <summary>A policy tick between its start and its first command: what its PolicyTick record will say.</summary>
internal sealed class PendingTick(long tick, DateTimeOffset startedAt, long startedTimestamp, double jointStateAgeS, double frameAgeS, float[] observation)
{
    public long Tick { get; } = tick;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The loop's TimeProvider timestamp at the start, for the tick-to-command latency.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    public double JointStateAgeS { get; } = jointStateAgeS;

    public double FrameAgeS { get; } = frameAgeS;

    public float[] Observation { get; } = observation;

    public InferenceResult? Result { get; set; }
}
