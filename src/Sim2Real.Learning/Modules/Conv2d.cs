using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>nn.Conv2d with a square kernel: weight [out, in, k, k], bias [out]; PyTorch's default initialization.</summary>
public sealed class Conv2d : Layer
{
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        Stride = stride;
        Padding = padding;
        var bound = 1.0 / Math.Sqrt(inChannels * kernelSize * kernelSize);
        Weight = RegisterParameter("weight", Tensor.Empty([outChannels, inChannels, kernelSize, kernelSize]).Uniform_(-bound, bound));
        Bias = RegisterParameter("bias", Tensor.Empty([outChannels]).Uniform_(-bound, bound));
    }

    public long InChannels { get; }

    public long OutChannels { get; }

    public long Stride { get; }

    public long Padding { get; }

    public Tensor Weight { get; }

    public Tensor Bias { get; }

    public override Tensor Forward(Tensor input) => input.Conv2d(Weight, Bias, Stride, Padding);
}
