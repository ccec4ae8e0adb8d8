using System.Runtime.InteropServices;
using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tensors;

/// <summary>Copies between libtorch tensors and safetensors entries (host bytes, little-endian, C order).</summary>
public static class TensorInterchange
{
    public static SafetensorsDtype ToSafetensors(this DType dtype) => dtype switch
    {
        DType.Float32 => SafetensorsDtype.F32,
        DType.UInt8 => SafetensorsDtype.U8,
        DType.Int64 => SafetensorsDtype.I64,
        DType.Float64 => SafetensorsDtype.F64,
        DType.Bool => SafetensorsDtype.Bool,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "no safetensors dtype"),
    };

    /// <summary>A host copy of <paramref name="tensor"/> under <paramref name="name"/>.</summary>
    public static SafeTensor ToSafeTensor(this Tensor tensor, string name)
    {
        var dtype = tensor.DType;
        var bytes = new byte[tensor.NumElements * dtype.ToSafetensors().SizeInBytes()];
        switch (dtype)
        {
            case DType.Float32: tensor.CopyTo(MemoryMarshal.Cast<byte, float>(bytes.AsSpan())); break;
            case DType.UInt8: tensor.CopyTo<byte>(bytes); break;
            case DType.Int64: tensor.CopyTo(MemoryMarshal.Cast<byte, long>(bytes.AsSpan())); break;
            case DType.Float64: tensor.CopyTo(MemoryMarshal.Cast<byte, double>(bytes.AsSpan())); break;
            case DType.Bool: tensor.CopyTo(MemoryMarshal.Cast<byte, bool>(bytes.AsSpan())); break;
        }

        return SafeTensor.FromBytes(name, dtype.ToSafetensors(), tensor.Shape, bytes);
    }

    /// <summary>A new tensor on <paramref name="device"/> holding the entry's values (F32, U8, I64, F64, BOOL).</summary>
    public static Tensor ToTensor(this SafeTensor entry, Device? device = null)
    {
        var shape = entry.Shape.ToArray();
        return entry.Dtype switch
        {
            SafetensorsDtype.F32 => Tensor.FromSpan(entry.AsSpan<float>(), shape, device),
            SafetensorsDtype.U8 => Tensor.FromSpan(entry.AsSpan<byte>(), shape, device),
            SafetensorsDtype.I64 => Tensor.FromSpan(entry.AsSpan<long>(), shape, device),
            SafetensorsDtype.F64 => Tensor.FromSpan(entry.AsSpan<double>(), shape, device),
            SafetensorsDtype.Bool => Tensor.FromSpan(MemoryMarshal.Cast<byte, bool>(entry.Data.Span), shape, device),
            _ => throw new NotSupportedException($"tensor '{entry.Name}' holds {entry.Dtype.HeaderName()}; tensors load from F32, U8, I64, F64 or BOOL"),
        };
    }
}
