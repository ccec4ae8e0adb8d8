using Sim2Real.Learning.Checkpoints;

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
        ActionDim = options.ActionDim;
        var shape = new long[options.FrameShape.Count + 1];
        shape[0] = batchSize;
        for (var i = 0; i < options.FrameShape.Count; i++)
        {
            shape[i + 1] = options.FrameShape[i];
        }

        // Stacking concatenates frames along the first (channel) axis, oldest first.
        shape[1] *= options.FrameStack;
        ObservationShape = shape;
        Observation = new T[batchSize * options.ObservationLength];
        NextObservation = new T[batchSize * options.ObservationLength];
        Action = new float[batchSize * options.ActionDim];
        Reward = new float[batchSize];
        Discount = new float[batchSize];
    }

    public int BatchSize { get; }

    public int ActionDim { get; }

    /// <summary>[B, k*C, H, W] for pixel frames [C, H, W]; [B, k*D] for state vectors [D].</summary>
    public IReadOnlyList<long> ObservationShape { get; }

    public T[] Observation { get; }

    public float[] Action { get; }

    public float[] Reward { get; }

    public float[] Discount { get; }

    public T[] NextObservation { get; }

    /// <summary>
    /// The batch as the tensors <c>agent update --batch</c> reads: obs, action, reward [B,1], discount [B,1], next_obs.
    /// </summary>
    public IReadOnlyList<SafeTensor> ToSafeTensors()
    {
        var obsShape = ObservationShape.ToArray();
        return
        [
            SafeTensor.Create<T>("obs", obsShape, Observation),
            SafeTensor.Create<float>("action", [BatchSize, ActionDim], Action),
            SafeTensor.Create<float>("reward", [BatchSize, 1], Reward),
            SafeTensor.Create<float>("discount", [BatchSize, 1], Discount),
            SafeTensor.Create<T>("next_obs", obsShape, NextObservation),
        ];
    }
}
