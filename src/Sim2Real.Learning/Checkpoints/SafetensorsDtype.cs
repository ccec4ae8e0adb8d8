namespace Sim2Real.Learning.Checkpoints;

/// <summary>
/// Element types of the safetensors format. The declaration order is the reference implementation's alignment
/// order: writers place tensors by descending value, so wider types come first and every tensor stays aligned.
/// </summary>
public enum SafetensorsDtype
{
    Bool,
    U8,
    I8,
    F8E5M2,
    F8E4M3,
    I16,
    U16,
    F16,
    BF16,
    I32,
    U32,
    F32,
    F64,
    I64,
    U64,
}
