using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Cdr;

/// <summary>
/// Reads plain CDR (XCDR1, either byte order) with every length checked against the bytes that are actually there:
/// a truncated or inconsistent sample raises <see cref="MalformedMessageException"/>, never reads past the buffer.
/// </summary>
public ref struct CdrReader
{
    private const int HeaderSize = 4;
    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _bigEndian;
    private int _position;

    /// <param name="message">A whole serialized message, encapsulation header included.</param>
    public CdrReader(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderSize)
        {
            throw new MalformedMessageException($"{message.Length} bytes is shorter than the 4-byte CDR encapsulation header");
        }

        // 00 00 = CDR_BE, 00 01 = CDR_LE (plain CDR); anything else is not what ROS 2 publishes.
        if (message[0] != 0 || message[1] > 1)
        {
            throw new MalformedMessageException($"unsupported CDR encapsulation {message[0]:x2} {message[1]:x2} (expected plain CDR 00 00 or 00 01)");
        }

        _bigEndian = message[1] == 0;
        _data = message;
        _position = HeaderSize;
    }

    /// <summary>Bytes not consumed yet (a well-formed message has at most 3 bytes of trailing padding).</summary>
    public readonly int Remaining => _data.Length - _position;

    public bool Bool()
    {
        var b = UInt8();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new MalformedMessageException($"boolean at byte {_position - 1} is {b}, not 0 or 1"),
        };
    }

    public byte UInt8()
    {
        Need(1);
        return _data[_position++];
    }

    public int Int32()
    {
        var s = Take(4);
        return _bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
    }

    public uint UInt32()
    {
        var s = Take(4);
        return _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    }

    public ulong UInt64()
    {
        var s = Take(8);
        return _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
    }

    public float Float32()
    {
        var s = Take(4);
        return _bigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s);
    }

    public double Float64()
    {
        var s = Take(8);
        return _bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
    }

    public string String()
    {
        var length = Count(1);
        if (length == 0)
        {
            throw new MalformedMessageException($"string at byte {_position - 4} has length 0 (CDR strings include their terminating NUL)");
        }

        var bytes = _data.Slice(_position, length);
        if (bytes[^1] != 0)
        {
            throw new MalformedMessageException($"string at byte {_position} is not NUL-terminated");
        }

        _position += length;
        return Encoding.UTF8.GetString(bytes[..^1]);
    }

    public byte[] Bytes()
    {
        var count = Count(1);
        var result = _data.Slice(_position, count).ToArray();
        _position += count;
        return result;
    }

    public byte[] FixedBytes(int length)
    {
        Need(length);
        var result = _data.Slice(_position, length).ToArray();
        _position += length;
        return result;
    }

    public double[] Float64Sequence() => Float64Array(Count(8, align: true));

    public double[] Float64Array(int length)
    {
        if (length == 0)
        {
            return [];
        }

        var bytes = Take(8 * length);
        var result = new double[length];
        if (!_bigEndian && BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                result[i] = BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]);
            }
        }

        return result;
    }

    public float[] Float32Sequence()
    {
        var count = Count(4);
        if (count == 0)
        {
            return [];
        }

        var bytes = Take(4 * count, 4);
        var result = new float[count];
        if (!_bigEndian && BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]);
            }
        }

        return result;
    }

    public uint[] UInt32Sequence()
    {
        var count = Count(4);
        if (count == 0)
        {
            return [];
        }

        var bytes = Take(4 * count, 4);
        var result = new uint[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes[(4 * i)..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
        }

        return result;
    }

    public bool[] BoolSequence()
    {
        var count = Count(1);
        var result = new bool[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Bool();
        }

        return result;
    }

    public string[] StringSequence()
    {
        var count = Count(4);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = String();
        }

        return result;
    }

    public T[] Sequence<T>()
        where T : IRosMessage<T>
    {
        // Every ROS message is at least one byte on the wire, which bounds the count by what is left.
        var count = Count(1);
        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = T.Read(ref this);
        }

        return result;
    }

    // A sequence length, checked against the bytes left for elements of at least `minElementSize` bytes.
    private int Count(int minElementSize, bool align = false)
    {
        var count = UInt32();
        var available = Remaining;
        if (align && count > 0)
        {
            available -= (8 - ((_position - HeaderSize) % 8)) % 8;
        }

        if (count > (uint)Math.Max(available, 0) / (uint)minElementSize)
        {
            throw new MalformedMessageException($"sequence at byte {_position - 4} claims {count} elements but only {Remaining} bytes remain");
        }

        return (int)count;
    }

    // One primitive: CDR aligns it to its own size (up to 8).
    private ReadOnlySpan<byte> Take(int bytes) => Take(bytes, bytes >= 8 ? 8 : bytes);

    private ReadOnlySpan<byte> Take(int bytes, int align)
    {
        var pad = (align - ((_position - HeaderSize) % align)) % align;
        Need(pad + bytes);
        _position += pad;
        var span = _data.Slice(_position, bytes);
        _position += bytes;
        return span;
    }

    private readonly void Need(int bytes)
    {
        if (_position + bytes > _data.Length)
        {
            throw new MalformedMessageException($"truncated: needs {bytes} more bytes at byte {_position}, message has {_data.Length}");
        }
    }
}
