using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Training.Rma;

/// <summary>
/// The z of "RMA without adaptation": the mean of μ(e) over e drawn from the training ranges, not μ of the mean e
/// (docs/rma.md 3.4). Normalised e_t spans [-1, 1] per element over the training ranges, each drawn independently
/// and uniformly, so the draws are uniform in [-1, 1]^E; 10,000 of them with a fixed seed.
/// </summary>
internal static class MeanExtrinsics
{
    public static float[] Compute(EnvFactorEncoder mu, int draws = 10_000, ulong seed = 0x5EED)
    {
        var e = (int)mu.EnvFactorDim;
        var random = new SplitMix64(seed);
        var input = new float[draws * e];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)((2 * random.NextDouble()) - 1);
        }

        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        var z = mu.Forward(Tensor.FromSpan<float>(input, [draws, e], mu.Parameters()[0].Device)).Mean(0).ToArray<float>();
        return z;
    }
}
