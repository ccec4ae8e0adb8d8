using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

public sealed class Tanh : Layer
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}
