using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// Anything that acts: a trained DrQ-v2 actor, an RMA student, an ONNX or TorchScript policy from another trainer.
/// Training evaluation, <c>sim play</c>, <c>agent act</c>, videos and the deployment runtime all act through it.
/// No training step, no critic, no exploration noise: the deterministic action for an observation.
/// </summary>
public interface IPolicy : IDisposable
{
    /// <summary>What <see cref="Act"/> reads: <c>state</c> float32[D], and <c>pixels</c> uint8[C,H,W] for a pixel policy.</summary>
    IReadOnlyList<ArraySpec> ObservationSpec { get; }

    /// <summary>float32[action size] in [-1, 1].</summary>
    ArraySpec ActionSpec { get; }

    /// <summary>Starts a new episode (clears any history a policy keeps).</summary>
    void Reset();

    /// <summary>
    /// Writes the action for <paramref name="observation"/>. Non-finite outputs are written as they are: the caller
    /// (the runtime's safety layer, <c>agent act</c>) decides what to do with them.
    /// </summary>
    /// <exception cref="InvalidDataException">The observation does not have the policy's shape.</exception>
    void Act(Observation observation, Span<float> action);

    /// <summary>
    /// The policy's latent estimate after the last <see cref="Act"/> (RMA's estimated extrinsics z-hat), which the
    /// runtime logs with each tick so a real run's adaptation can be read back; empty for policies without one.
    /// </summary>
    ReadOnlySpan<float> Latent => [];
}
