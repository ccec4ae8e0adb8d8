namespace Sim2Real.Learning.Rma;

/// <summary>One 1-D convolution of the adaptation module, over time: kernel and stride in policy steps.</summary>
public sealed record TemporalConv(int Kernel, int Stride)
{
    public override string ToString() => $"{Kernel}/{Stride}";
}
