using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// The reference's TruncatedNormal: a normal around <see cref="Mean"/> whose samples are clamped to
/// (-1 + 1e-6, 1 - 1e-6) with a straight-through gradient (x - x.detach() + clamp(x).detach()), so the
/// gradient reaches the mean even where the clamp is active.
/// </summary>
public sealed class TruncatedNormal(Tensor mean, double stddev)
{
    private const double Low = -1.0, High = 1.0, Eps = 1e-6;

    public Tensor Mean { get; } = mean;

    public double Stddev { get; } = stddev;

    /// <summary>One sample; the noise is clipped to [-clip, clip] first when <paramref name="clip"/> is given.</summary>
    public Tensor Sample(double? clip = null)
    {
        using var scope = TensorScope.Begin();
        var scale = Mean.OnesLike() * Stddev;
        var eps = Tensor.RandN(Mean.Shape, Mean.DType, Mean.Device) * scale;
        if (clip is { } c)
        {
            eps = eps.Clamp(-c, c);
        }

        var x = Mean + eps;
        var clamped = x.Detach().Clamp(Low + Eps, High - Eps);
        return (x - x.Detach() + clamped).Keep();
    }
}
