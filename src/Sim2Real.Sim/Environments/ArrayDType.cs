namespace Sim2Real.Sim.Environments;

public enum ArrayDType
{
    Float32,
    UInt8,
}
