namespace Sim2Real.Learning.Tensors;

/// <summary>Where tensor memory lives; the values are the codes the native layer uses.</summary>
public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}
