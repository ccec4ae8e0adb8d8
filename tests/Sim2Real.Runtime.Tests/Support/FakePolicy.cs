using Sim2Real.Learning.Policies;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>
/// A policy whose action is a function of the call number and the observation; it records what it saw. It stands
/// for a network in the loop's tests, so each test says exactly what the policy answers.
/// </summary>
internal sealed class FakePolicy : IPolicy
{
    private readonly Func<int, Observation, float[]> _act;
    private float[] _latent = [];

    public FakePolicy(int stateSize, int actions, Func<int, Observation, float[]> act, int[]? pixelsShape = null)
    {
        _act = act;
        ObservationSpec = pixelsShape is null
            ? [new ArraySpec(Observation.StateName, [stateSize], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity)]
            : [new ArraySpec(Observation.PixelsName, pixelsShape, ArrayDType.UInt8, 0, 255)];
        ActionSpec = new ArraySpec("action", [actions], ArrayDType.Float32, -1, 1);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    public List<Observation> Seen { get; } = [];

    public int Resets { get; private set; }

    /// <summary>What <see cref="Latent"/> reports after call k (an RMA policy's z-hat); none by default.</summary>
    public Func<int, float[]>? LatentOf { get; init; }

    public ReadOnlySpan<float> Latent => _latent;

    public void Reset() => Resets++;

    public void Act(Observation observation, Span<float> action)
    {
        Seen.Add(observation);
        _act(Seen.Count - 1, observation).CopyTo(action);
        _latent = LatentOf?.Invoke(Seen.Count - 1) ?? [];
    }

    public void Dispose()
    {
    }
}
