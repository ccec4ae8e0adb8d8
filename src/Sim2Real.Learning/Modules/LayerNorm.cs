using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>nn.LayerNorm over the last dimension, with an elementwise affine (weight 1, bias 0 at start).</summary>
public sealed class LayerNorm : Layer
{
    public LayerNorm(long features, double eps = 1e-5)
    {
        Features = features;
        Eps = eps;
        Weight = RegisterParameter("weight", Tensor.Ones([features]));
        Bias = RegisterParameter("bias", Tensor.Zeros([features]));
    }

    public long Features { get; }

    public double Eps { get; }

    public Tensor Weight { get; }

    public Tensor Bias { get; }

    public override Tensor Forward(Tensor input) => input.LayerNorm(Weight, Bias, Eps);
}
