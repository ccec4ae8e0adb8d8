using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// A DrQ-v2 actor as a policy: the injected encoder (convolutional for pixels, identity for states) then the actor's
/// mean action, exactly what the agent's evaluation mode computes. It can own its networks (loaded from a policy
/// file) or borrow a training agent's (held-out evaluation while training).
/// </summary>
public sealed class DrQV2Policy : IPolicy
{
    private readonly ObservationEncoder _encoder;
    private readonly Actor _actor;
    private readonly bool _owns;
    private readonly long[] _obsShape;
    private readonly string _source;

    /// <param name="obsShape">[C,H,W] (uint8 pixels) or [D] (float state).</param>
    /// <param name="owns">Whether disposing the policy disposes the networks.</param>
    /// <param name="source">Named in errors: the policy file or run.</param>
    public DrQV2Policy(ObservationEncoder encoder, Actor actor, IReadOnlyList<long> obsShape, Device device, bool owns, string source)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(obsShape);
        _encoder = encoder;
        _actor = actor;
        _owns = owns;
        _obsShape = [.. obsShape];
        _source = source;
        Device = device;
        ObservationSpec = encoder.IsPixels
            ? [new ArraySpec(Observation.PixelsName, obsShape.Select(d => (int)d).ToArray(), ArrayDType.UInt8, 0, 255)]
            : [new ArraySpec(Observation.StateName, [(int)obsShape[0]], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity)];
        ActionSpec = new ArraySpec("action", [(int)actor.ActionDim], ArrayDType.Float32, -1, 1);
    }

    /// <summary>A policy over a training agent's networks, which stay the agent's.</summary>
    public static DrQV2Policy Borrow(DrQV2Agent agent, string source)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new DrQV2Policy(agent.Encoder, agent.Actor, agent.ObsShape, agent.Device, owns: false, source);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    public Device Device { get; }

    public ObservationEncoder Encoder => _encoder;

    public Actor Actor => _actor;

    public void Reset()
    {
    }

    public void Act(Observation observation, Span<float> action)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (action.Length != _actor.ActionDim)
        {
            throw new ArgumentException($"{_source}: room for {action.Length} action values; the policy has {_actor.ActionDim}", nameof(action));
        }

        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        var features = _encoder.Forward(PolicyInput.From(observation, _obsShape, Device, _source).Float());
        _actor.Forward(features, 1.0).Mean.CopyTo<float>(action);
    }

    public void Dispose()
    {
        if (_owns)
        {
            _encoder.Dispose();
            _actor.Dispose();
        }
    }
}
