namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// What one inference produced: the raw action (possibly non-finite: the safety layer decides), the stacked frames
/// as fed, how long the frame pipeline and the network took, or the error the policy raised.
/// </summary>
public sealed record InferenceResult(long Tick, float[] Action, byte[]? Pixels, uint[] PixelsShape, TimeSpan Duration, Exception? Error)
{
    /// <summary>The policy's latent after this tick's action (<see cref="Sim2Real.Learning.Policies.IPolicy.Latent"/>); empty for most policies.</summary>
    public float[] Latent { get; init; } = [];
}
