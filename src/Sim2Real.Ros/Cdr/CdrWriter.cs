using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Cdr;

/// <summary>
/// Writes plain little-endian CDR (XCDR1) as ROS 2 puts it on the wire: a 4-byte encapsulation header
/// <c>00 01 00 00</c>, then the fields with natural alignment (up to 8) counted from the end of the header.
/// One writer is reused per publisher; it is not thread-safe on its own.
/// </summary>
public sealed class CdrWriter : IDisposable
{
    private const int HeaderSize = 4;
    private byte[] _buffer;
    private int _position;

    public CdrWriter(int initialCapacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
        Reset();
    }

    /// <summary>The message written so far, encapsulation header included.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _position);

    /// <summary>Starts a new message: writes the encapsulation header (CDR_LE, no options).</summary>
    public void Reset()
    {
        _buffer[0] = 0x00;
        _buffer[1] = 0x01;
        _buffer[2] = 0x00;
        _buffer[3] = 0x00;
        _position = HeaderSize;
    }

    public void Bool(bool value) => UInt8(value ? (byte)1 : (byte)0);

    public void UInt8(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void Float32(float value) => BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);

    public void Float64(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

    public void String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetByteCount(value);
        UInt32(checked((uint)length + 1));
        Ensure(length + 1);
        Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position, length));
        _position += length;
        _buffer[_position++] = 0;
    }

    /// <summary>A <c>uint8[]</c> / <c>byte[]</c> sequence: length then raw bytes.</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    /// <summary>A <c>float64[]</c> sequence.</summary>
    public void Float64Sequence(ReadOnlySpan<double> values)
    {
        UInt32((uint)values.Length);
        Float64Array(values);
    }

    /// <summary>A <c>float32[]</c> sequence.</summary>
    public void Float32Sequence(ReadOnlySpan<float> values)
    {
        UInt32((uint)values.Length);
        if (values.IsEmpty)
        {
            return;
        }

        var span = Reserve(4 * values.Length, 4);
        if (BitConverter.IsLittleEndian)
        {
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).CopyTo(span);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[(4 * i)..], values[i]);
        }
    }

    /// <summary>A <c>uint32[]</c> sequence.</summary>
    public void UInt32Sequence(ReadOnlySpan<uint> values)
    {
        UInt32((uint)values.Length);
        if (values.IsEmpty)
        {
            return;
        }

        var span = Reserve(4 * values.Length, 4);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(4 * i)..], values[i]);
        }
    }

    /// <summary>A <c>bool[]</c> sequence: one byte (0 or 1) per element.</summary>
    public void BoolSequence(ReadOnlySpan<bool> values)
    {
        UInt32((uint)values.Length);
        Ensure(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            _buffer[_position++] = values[i] ? (byte)1 : (byte)0;
        }
    }

    /// <summary>A fixed-size <c>float64[N]</c>: elements only, the length must match the definition.</summary>
    public void Float64Array(ReadOnlySpan<double> values, int expectedLength, string field)
    {
        if (values.Length != expectedLength)
        {
            throw new ArgumentException($"{field} must have exactly {expectedLength} elements, got {values.Length}", field);
        }

        Float64Array(values);
    }

    /// <summary>A fixed-size <c>uint8[N]</c>: bytes only, the length must match the definition.</summary>
    public void FixedBytes(ReadOnlySpan<byte> value, int expectedLength, string field)
    {
        if (value.Length != expectedLength)
        {
            throw new ArgumentException($"{field} must have exactly {expectedLength} elements, got {value.Length}", field);
        }

        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    public void StringSequence(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        UInt32((uint)values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    public void Sequence<T>(IReadOnlyList<T> values)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        UInt32((uint)values.Count);
        foreach (var value in values)
        {
            value.Write(this);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Float64Array(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var span = Reserve(8 * values.Length);
        if (BitConverter.IsLittleEndian)
        {
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).CopyTo(span);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[(8 * i)..], values[i]);
        }
    }

    // One primitive: CDR aligns it to its own size (up to 8).
    private Span<byte> Reserve(int bytes) => Reserve(bytes, bytes >= 8 ? 8 : bytes);

    // Aligns to `align` (relative to the end of the encapsulation header) and returns the next `bytes` bytes.
    private Span<byte> Reserve(int bytes, int align)
    {
        var pad = (align - ((_position - HeaderSize) % align)) % align;
        Ensure(pad + bytes);
        _buffer.AsSpan(_position, pad).Clear();
        _position += pad;
        var span = _buffer.AsSpan(_position, bytes);
        _position += bytes;
        return span;
    }

    private void Ensure(int extra)
    {
        if (_position + extra <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + extra));
        _buffer.AsSpan(0, _position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
