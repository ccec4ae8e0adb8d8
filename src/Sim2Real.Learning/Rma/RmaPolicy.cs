using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// RMA's base policy π(x_t, a_{t-1}, z) as a policy. It keeps the history φ reads: k policy ticks of the state
/// (which carries the previous action), oldest first, pre-filled with the episode's first observation. In
/// <see cref="RmaMode.Adaptive"/> φ runs on it at its own rate (<see cref="AdaptationSchedule"/>) and π acts at every
/// tick with the latest ẑ; the other modes give π the mean z or μ(e_t). It may own its networks (a policy file) or
/// borrow them (phase 2's rollouts, whose φ trains between ticks).
/// </summary>
public sealed class RmaPolicy : IPolicy
{
    private readonly Actor _actor;
    private readonly EnvFactorEncoder _mu;
    private readonly AdaptationModule _phi;
    private readonly float[] _meanZ;
    private readonly float[] _history;
    private readonly float[] _z;
    private readonly bool _owns;
    private readonly string _source;
    private readonly int _stateDim;
    private long _tick;

    /// <param name="meanZ">The mean of μ(e) over the training ranges (rma.mean_z).</param>
    /// <param name="owns">Whether disposing the policy disposes the networks.</param>
    /// <param name="source">Named in errors: the policy file or run.</param>
    public RmaPolicy(Actor actor, EnvFactorEncoder mu, AdaptationModule phi, IReadOnlyList<float> meanZ, AdaptationSchedule schedule, Device device, bool owns, string source)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(meanZ);
        ArgumentNullException.ThrowIfNull(schedule);
        if (meanZ.Count != mu.ExtrinsicsDim)
        {
            throw new ArgumentException($"{source}: rma.mean_z has {meanZ.Count} values; z has {mu.ExtrinsicsDim} (rma.extrinsics_dim)", nameof(meanZ));
        }

        _actor = actor;
        _mu = mu;
        _phi = phi;
        _meanZ = [.. meanZ];
        _owns = owns;
        _source = source;
        _stateDim = (int)phi.StepDim;
        Schedule = schedule;
        Device = device;
        _history = new float[phi.HistoryLength * _stateDim];
        _z = new float[mu.ExtrinsicsDim];
        ObservationSpec = [new ArraySpec(Observation.StateName, [_stateDim], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity)];
        ActionSpec = new ArraySpec("action", [(int)actor.ActionDim], ArrayDType.Float32, -1, 1);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    public Device Device { get; }

    public AdaptationSchedule Schedule { get; }

    public RmaMode Mode { get; set; } = RmaMode.Adaptive;

    public EnvFactorEncoder Mu => _mu;

    public AdaptationModule Phi => _phi;

    public IReadOnlyList<float> MeanZ => _meanZ;

    /// <summary>The extrinsics π acted on at the last tick (ẑ, the mean z or μ(e_t)).</summary>
    public ReadOnlySpan<float> Extrinsics => _z;

    /// <summary>φ's input after the last tick: [k, D] floats, oldest first.</summary>
    public ReadOnlySpan<float> History => _history;

    /// <summary>The z the last action was computed with (<see cref="Extrinsics"/>): z-hat when adaptive.</summary>
    public ReadOnlySpan<float> Latent => _z;

    /// <summary>Policy ticks since <see cref="Reset"/>.</summary>
    public long Tick => _tick;

    public void Reset() => _tick = 0;

    /// <exception cref="InvalidDataException">The state is not φ's step size, or the expert lacks e_t.</exception>
    public void Act(Observation observation, Span<float> action)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var state = observation.State;
        if (state.Length != _stateDim)
        {
            throw new InvalidDataException($"{_source}: φ and π read a state of {_stateDim} values (the policy's observation layout); the observation has {state.Length}");
        }

        if (action.Length != _actor.ActionDim)
        {
            throw new ArgumentException($"{_source}: room for {action.Length} action values; the policy has {_actor.ActionDim}", nameof(action));
        }

        Push(state);
        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        switch (Mode)
        {
            case RmaMode.Adaptive when Schedule.Due(_tick):
                _phi.Forward(Tensor.FromSpan<float>(_history, [1, _phi.HistoryLength, _stateDim], Device)).CopyTo<float>(_z);
                break;
            case RmaMode.Adaptive:
                break;
            case RmaMode.MeanZ:
                _meanZ.CopyTo(_z, 0);
                break;
            case RmaMode.Expert:
                var e = observation.Privileged;
                if (e is null || e.Length != _mu.EnvFactorDim)
                {
                    throw new InvalidDataException($"{_source}: the expert reads e_t of {_mu.EnvFactorDim} values (rma.env_factor_dim); the observation has {(e is null ? "none" : e.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                }

                _mu.Forward(Tensor.FromSpan<float>(e, [1, _mu.EnvFactorDim], Device)).CopyTo<float>(_z);
                break;
        }

        var features = Tensor.Cat([Tensor.FromSpan<float>(state, [1, _stateDim], Device), Tensor.FromSpan<float>(_z, [1, _z.Length], Device)], 1);
        _actor.Forward(features, 1.0).Mean.CopyTo<float>(action);
        _tick++;
    }

    public void Dispose()
    {
        if (_owns)
        {
            _actor.Dispose();
            _mu.Dispose();
            _phi.Dispose();
        }
    }

    // At the first tick every slot holds the first observation (the authors' code and hora pre-fill the same way).
    private void Push(ReadOnlySpan<float> state)
    {
        if (_tick == 0)
        {
            for (var i = 0; i < _phi.HistoryLength; i++)
            {
                state.CopyTo(_history.AsSpan(i * _stateDim, _stateDim));
            }

            if (Mode == RmaMode.Adaptive)
            {
                Array.Clear(_z);
            }

            return;
        }

        _history.AsSpan(_stateDim).CopyTo(_history);
        state.CopyTo(_history.AsSpan((_phi.HistoryLength - 1) * _stateDim, _stateDim));
    }
}
