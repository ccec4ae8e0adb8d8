using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>nn.Linear: weight [out, in], bias [out]; PyTorch's default initialization.</summary>
public sealed class Linear : Layer
{
    public Linear(long inFeatures, long outFeatures, bool bias = true)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        // kaiming_uniform_(a=sqrt(5)) and the matching bias bound both reduce to U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
        var bound = 1.0 / Math.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Tensor.Empty([outFeatures, inFeatures]).Uniform_(-bound, bound));
        Bias = bias ? RegisterParameter("bias", Tensor.Empty([outFeatures]).Uniform_(-bound, bound)) : null;
    }

    public long InFeatures { get; }

    public long OutFeatures { get; }

    public Tensor Weight { get; }

    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => input.Linear(Weight, Bias);
}
