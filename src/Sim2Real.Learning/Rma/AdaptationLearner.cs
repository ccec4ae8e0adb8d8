using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// RMA's phase-2 regression: φ learns to give μ's extrinsics from the history, loss MSE(ẑ, μ(e_t)) with μ frozen
/// (the target carries no gradient). Rollouts, which π drives with the student's ẑ, are the caller's.
/// </summary>
public sealed class AdaptationLearner : IDisposable
{
    /// <param name="learningRate">Adam's; hora trains φ with 3e-4.</param>
    public AdaptationLearner(AdaptationModule phi, EnvFactorEncoder mu, double learningRate = 3e-4)
    {
        if (phi.ExtrinsicsDim != mu.ExtrinsicsDim)
        {
            throw new ArgumentException($"φ gives {phi.ExtrinsicsDim} extrinsics and μ {mu.ExtrinsicsDim} (rma.extrinsics_dim)", nameof(mu));
        }

        Phi = phi;
        Mu = mu;
        Optimizer = new Adam(phi.Parameters(), learningRate);
    }

    public AdaptationModule Phi { get; }

    public EnvFactorEncoder Mu { get; }

    public Adam Optimizer { get; }

    /// <summary>One Adam step of φ on a batch: history [B, k, D] and the true e_t [B, E]. Returns the loss before the step.</summary>
    public double Update(Tensor history, Tensor envFactors)
    {
        using var scope = TensorScope.Begin();
        Tensor target;
        using (Torch.NoGrad())
        {
            target = Mu.Forward(envFactors);
        }

        var loss = Phi.Forward(history).MseLoss(target);
        Optimizer.ZeroGrad();
        loss.Backward();
        Optimizer.Step();
        return loss.Item();
    }

    public void Dispose() => Optimizer.Dispose();
}
