using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// The observation encoder of RMA's base policy π(x_t, a_{t-1}, z_t) on DrQ-v2: the base encoder's features of the
/// observation, then z_t = μ(e_t). Given to a <see cref="DrQV2Agent"/>, μ trains through the critic loss with the
/// encoder optimizer, like the pixel encoder, and the actor sees z detached, as it sees every encoder feature.
/// Names: "obs." for the base encoder (nothing for states), "mu." for μ.
/// </summary>
public sealed class RmaEncoder : ObservationEncoder
{
    public RmaEncoder(ObservationEncoder observation, EnvFactorEncoder mu)
    {
        Observation = RegisterModule("obs", observation);
        Mu = RegisterModule("mu", mu);
        RepresentationDim = observation.RepresentationDim + mu.ExtrinsicsDim;
    }

    /// <summary>An encoder for proprioceptive states of <paramref name="stateDim"/> values (x_t and a_{t-1}).</summary>
    public static RmaEncoder ForStates(long stateDim, RmaConfig config) =>
        new(new IdentityEncoder(stateDim), new EnvFactorEncoder(config));

    public ObservationEncoder Observation { get; }

    public EnvFactorEncoder Mu { get; }

    /// <summary>The base encoder's features and then z.</summary>
    public override long RepresentationDim { get; }

    public override bool IsPixels => Observation.IsPixels;

    /// <summary>State observations as the DrQ-v2 agent hands them: [B, D + E], the state then e_t.</summary>
    /// <exception cref="InvalidOperationException">Pixel observations, which cannot carry e_t in the same tensor.</exception>
    /// <exception cref="ArgumentException">The row is not D + E values wide.</exception>
    public override Tensor Forward(Tensor input)
    {
        if (IsPixels)
        {
            throw new InvalidOperationException("pixel observations carry no e_t: use Forward(obs, envFactors)");
        }

        var stateDim = Observation.RepresentationDim;
        var envDim = Mu.EnvFactorDim;
        var shape = input.Shape;
        if (shape.Length != 2 || shape[1] != stateDim + envDim)
        {
            throw new ArgumentException(
                $"RMA observation is [{string.Join(", ", shape)}]; it must be [B, {stateDim + envDim}]: the state ({stateDim}) then e_t (rma.env_factor_dim = {envDim})",
                nameof(input));
        }

        using var scope = TensorScope.Begin();
        return Forward(input.Slice(1, 0, stateDim), input.Slice(1, stateDim, stateDim + envDim)).Keep();
    }

    /// <summary>Features for π with the true extrinsics: [base(obs), μ(e_t)].</summary>
    public Tensor Forward(Tensor obs, Tensor envFactors)
    {
        using var scope = TensorScope.Begin();
        return Tensor.Cat([Observation.Forward(obs), Mu.Forward(envFactors)], 1).Keep();
    }

    /// <summary>
    /// Features for π with given extrinsics [B, 8]: the student's ẑ in phase 2 and at deployment, the mean z for
    /// "RMA without adaptation".
    /// </summary>
    public Tensor WithExtrinsics(Tensor obs, Tensor z)
    {
        if (z.Shape is not [_, var width] || width != Mu.ExtrinsicsDim)
        {
            throw new ArgumentException($"extrinsics are [{string.Join(", ", z.Shape)}]; π takes [B, {Mu.ExtrinsicsDim}] (rma.extrinsics_dim)", nameof(z));
        }

        using var scope = TensorScope.Begin();
        return Tensor.Cat([Observation.Forward(obs), z], 1).Keep();
    }
}
