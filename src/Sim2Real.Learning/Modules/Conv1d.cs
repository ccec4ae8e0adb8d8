using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>nn.Conv1d without padding: weight [out, in, kernel], bias [out]; PyTorch's default initialization.</summary>
public sealed class Conv1d : Layer
{
    public Conv1d(long inChannels, long outChannels, long kernelSize, long stride = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        // kaiming_uniform_(a=sqrt(5)) and the bias bound both reduce to U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = in * kernel.
        var bound = 1.0 / Math.Sqrt(inChannels * kernelSize);
        Weight = RegisterParameter("weight", Tensor.Empty([outChannels, inChannels, kernelSize]).Uniform_(-bound, bound));
        Bias = RegisterParameter("bias", Tensor.Empty([outChannels]).Uniform_(-bound, bound));
    }

    public long InChannels { get; }

    public long OutChannels { get; }

    public long KernelSize { get; }

    public long Stride { get; }

    public Tensor Weight { get; }

    public Tensor Bias { get; }

    /// <summary>Output length for an input of <paramref name="length"/> steps (floor, as PyTorch); 0 when it does not fit.</summary>
    public long OutputLength(long length) => length < KernelSize ? 0 : ((length - KernelSize) / Stride) + 1;

    public override Tensor Forward(Tensor input) => input.Conv1d(Weight, Bias, Stride);
}
