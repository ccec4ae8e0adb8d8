using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>nn.ELU(alpha).</summary>
public sealed class ELU(double alpha = 1.0) : Layer
{
    public double Alpha { get; } = alpha;

    public override Tensor Forward(Tensor input) => input.Elu(Alpha);
}
