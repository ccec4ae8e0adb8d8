using System.Runtime.InteropServices;

namespace Sim2Real.Learning.Checkpoints;

/// <summary>
/// One named tensor: dtype, shape and its little-endian, C-ordered bytes. Tensors read from a file are views of
/// that file's memory and stay valid until the <see cref="SafetensorsFile"/> is disposed.
/// </summary>
public sealed class SafeTensor
{
    private readonly long[] _shape;

    private SafeTensor(string name, SafetensorsDtype dtype, long[] shape, ReadOnlyMemory<byte> data)
    {
        Name = name;
        Dtype = dtype;
        _shape = shape;
        Data = data;
    }

    public string Name { get; }

    public SafetensorsDtype Dtype { get; }

    public IReadOnlyList<long> Shape => _shape;

    public ReadOnlyMemory<byte> Data { get; }

    public long ElementCount => Elements(_shape);

    /// <summary>Wraps existing bytes without copying. Throws when the byte count does not match shape and dtype.</summary>
    public static SafeTensor FromBytes(string name, SafetensorsDtype dtype, ReadOnlySpan<long> shape, ReadOnlyMemory<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var dims = shape.ToArray();
        foreach (var d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentException($"tensor '{name}': negative dimension in shape {FormatShape(dims)}", nameof(shape));
            }
        }

        var expected = checked(Elements(dims) * dtype.SizeInBytes());
        if (expected != data.Length)
        {
            throw new ArgumentException(
                $"tensor '{name}': shape {FormatShape(dims)} of {dtype.HeaderName()} needs {expected} bytes, got {data.Length}",
                nameof(data));
        }

        return new SafeTensor(name, dtype, dims, data);
    }

    /// <summary>Copies <paramref name="values"/> into a new tensor whose dtype follows <typeparamref name="T"/>.</summary>
    public static SafeTensor Create<T>(string name, ReadOnlySpan<long> shape, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values).ToArray();
        return FromBytes(name, SafetensorsDtypes.Of<T>(), shape, bytes);
    }

    /// <summary>A bfloat16 tensor from raw bits (the upper 16 bits of each float32).</summary>
    public static SafeTensor CreateBFloat16(string name, ReadOnlySpan<long> shape, ReadOnlySpan<ushort> bits)
    {
        var bytes = MemoryMarshal.AsBytes(bits).ToArray();
        return FromBytes(name, SafetensorsDtype.BF16, shape, bytes);
    }

    /// <summary>The elements as <typeparamref name="T"/>; the type must match the dtype (bytes view U8 and BOOL, ushort views BF16 bits).</summary>
    public ReadOnlySpan<T> AsSpan<T>()
        where T : unmanaged
    {
        if (!Dtype.Views<T>())
        {
            throw new InvalidOperationException($"tensor '{Name}' holds {Dtype.HeaderName()}, not {typeof(T).Name}");
        }

        return MemoryMarshal.Cast<byte, T>(Data.Span);
    }

    /// <summary>Floating-point values widened or narrowed to float32 (F32, F64, F16, BF16), for loading weights.</summary>
    public float[] ToSingles()
    {
        var result = new float[ElementCount];
        switch (Dtype)
        {
            case SafetensorsDtype.F32:
                AsSpan<float>().CopyTo(result);
                break;
            case SafetensorsDtype.F64:
                var doubles = AsSpan<double>();
                for (var i = 0; i < result.Length; i++) result[i] = (float)doubles[i];
                break;
            case SafetensorsDtype.F16:
                var halves = AsSpan<Half>();
                for (var i = 0; i < result.Length; i++) result[i] = (float)halves[i];
                break;
            case SafetensorsDtype.BF16:
                var bits = AsSpan<ushort>();
                for (var i = 0; i < result.Length; i++) result[i] = BitConverter.Int32BitsToSingle(bits[i] << 16);
                break;
            default:
                throw new InvalidOperationException($"tensor '{Name}' holds {Dtype.HeaderName()}, not a floating-point type");
        }

        return result;
    }

    /// <summary>The same tensor under another name, sharing the bytes.</summary>
    public SafeTensor Rename(string name) => FromBytes(name, Dtype, _shape, Data);

    /// <summary>A copy whose bytes live in managed memory, independent of any file.</summary>
    public SafeTensor Detach() => new(Name, Dtype, _shape, Data.ToArray());

    public static string FormatShape(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";

    public override string ToString() => $"{Name} {Dtype.HeaderName()} {FormatShape(_shape)}";

    internal static long Elements(IReadOnlyList<long> shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            n = checked(n * d);
        }

        return n;
    }
}
