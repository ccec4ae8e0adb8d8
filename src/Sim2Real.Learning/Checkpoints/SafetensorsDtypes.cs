namespace Sim2Real.Learning.Checkpoints;

/// <summary>Sizes and header spellings of <see cref="SafetensorsDtype"/>.</summary>
public static class SafetensorsDtypes
{
    public static int SizeInBytes(this SafetensorsDtype dtype) => dtype switch
    {
        SafetensorsDtype.Bool or SafetensorsDtype.U8 or SafetensorsDtype.I8
            or SafetensorsDtype.F8E5M2 or SafetensorsDtype.F8E4M3 => 1,
        SafetensorsDtype.I16 or SafetensorsDtype.U16 or SafetensorsDtype.F16 or SafetensorsDtype.BF16 => 2,
        SafetensorsDtype.I32 or SafetensorsDtype.U32 or SafetensorsDtype.F32 => 4,
        SafetensorsDtype.F64 or SafetensorsDtype.I64 or SafetensorsDtype.U64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not a safetensors dtype"),
    };

    /// <summary>The spelling in the JSON header, e.g. <c>F32</c>, <c>BOOL</c>, <c>F8_E4M3</c>.</summary>
    public static string HeaderName(this SafetensorsDtype dtype) => dtype switch
    {
        SafetensorsDtype.Bool => "BOOL",
        SafetensorsDtype.F8E5M2 => "F8_E5M2",
        SafetensorsDtype.F8E4M3 => "F8_E4M3",
        _ => dtype.ToString(),
    };

    public static bool TryParse(string headerName, out SafetensorsDtype dtype)
    {
        foreach (var candidate in Enum.GetValues<SafetensorsDtype>())
        {
            if (string.Equals(candidate.HeaderName(), headerName, StringComparison.Ordinal))
            {
                dtype = candidate;
                return true;
            }
        }

        dtype = default;
        return false;
    }

    /// <summary>The dtype a .NET element type is stored as; BF16 has no .NET type and is built from raw bits.</summary>
    public static SafetensorsDtype Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return SafetensorsDtype.F32;
        if (typeof(T) == typeof(double)) return SafetensorsDtype.F64;
        if (typeof(T) == typeof(Half)) return SafetensorsDtype.F16;
        if (typeof(T) == typeof(long)) return SafetensorsDtype.I64;
        if (typeof(T) == typeof(ulong)) return SafetensorsDtype.U64;
        if (typeof(T) == typeof(int)) return SafetensorsDtype.I32;
        if (typeof(T) == typeof(uint)) return SafetensorsDtype.U32;
        if (typeof(T) == typeof(short)) return SafetensorsDtype.I16;
        if (typeof(T) == typeof(ushort)) return SafetensorsDtype.U16;
        if (typeof(T) == typeof(sbyte)) return SafetensorsDtype.I8;
        if (typeof(T) == typeof(byte)) return SafetensorsDtype.U8;
        if (typeof(T) == typeof(bool)) return SafetensorsDtype.Bool;
        throw new NotSupportedException($"{typeof(T).Name} has no safetensors dtype");
    }

    /// <summary>Whether a view of <paramref name="dtype"/> data as <typeparamref name="T"/> reads the stored values.</summary>
    internal static bool Views<T>(this SafetensorsDtype dtype)
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            // Bytes view any one-byte type; BOOL is stored as 0/1 bytes.
            return dtype.SizeInBytes() == 1 && dtype != SafetensorsDtype.I8;
        }

        if (typeof(T) == typeof(ushort) && dtype == SafetensorsDtype.BF16)
        {
            return true;
        }

        return Of<T>() == dtype;
    }
}
