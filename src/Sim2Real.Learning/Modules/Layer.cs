using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>A module that maps one tensor to one tensor, so that it can sit in a <see cref="Sequential"/>.</summary>
public abstract class Layer : Module
{
    public abstract Tensor Forward(Tensor input);
}
