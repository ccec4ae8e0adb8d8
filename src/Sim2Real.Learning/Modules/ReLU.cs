using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

public sealed class ReLU : Layer
{
    public override Tensor Forward(Tensor input) => input.Relu();
}
