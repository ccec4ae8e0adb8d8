namespace Sim2Real.Learning.Replay;

/// <summary>
/// Reusable arrays for one sampled batch, laid out as the learner's tensors: obs and next_obs [B, k*C, H, W]
/// (or [B, k*D]), action [B, A], reward [B, 1], discount [B, 1] (already gamma^n times the episode discounts).
/// </summary>
public sealed class ReplayBatch<T>
    where T : unmanaged
{
    public ReplayBatch(ReplayOptions options, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
        Observation = new T[batchSize * options.ObservationLength];
        NextObservation = new T[batchSize * options.ObservationLength];
        Action = new float[batchSize * options.ActionDim];
        Reward = new float[batchSize];
        Discount = new float[batchSize];
    }

    public int BatchSize { get; }

    public T[] Observation { get; }

    public float[] Action { get; }

    public float[] Reward { get; }

    public float[] Discount { get; }

    public T[] NextObservation { get; }
}
