namespace Sim2Real.Learning.Tensors;

/// <summary>Element types; the values are the codes the native layer uses.</summary>
public enum DType
{
    Float32 = 0,
    UInt8 = 1,
    Int64 = 2,
    Float64 = 3,
    Bool = 4,
}
