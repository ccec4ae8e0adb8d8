using System.Buffers.Binary;
using System.Text;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Format;

/// <summary>
/// Reads the fields of one record's content, checking every length against what the record holds: a field that
/// runs past the end is a truncated record, reported with the file, the record's offset and its name.
/// </summary>
internal struct RecordParser(ReadOnlyMemory<byte> content, string file, long recordOffset, byte opcode)
{
    private int _position;

    public readonly int Remaining => content.Length - _position;

    public byte UInt8(string field) => Take(1, field)[0];

    public ushort UInt16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    public uint UInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    public ulong UInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    public string String(string field)
    {
        var length = UInt32(field);
        var bytes = Take(Length(length, field), field);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error($"field {field} is not valid UTF-8");
        }
    }

    public ReadOnlyMemory<byte> Bytes32(string field) => Memory(Length(UInt32(field), field), field);

    public ReadOnlyMemory<byte> Bytes64(string field) => Memory(Length(UInt64(field), field), field);

    /// <summary>The rest of the record (a Message's data).</summary>
    public ReadOnlyMemory<byte> Rest()
    {
        var rest = content[_position..];
        _position = content.Length;
        return rest;
    }

    public IReadOnlyDictionary<string, string> StringMap(string field)
    {
        var inner = Sub(UInt32(field), field);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (inner.Remaining > 0)
        {
            var key = inner.String(field + " key");
            map[key] = inner.String(field + " value");
        }

        return map;
    }

    public IReadOnlyDictionary<ushort, ulong> UInt16UInt64Map(string field)
    {
        var inner = Sub(UInt32(field), field);
        var map = new Dictionary<ushort, ulong>();
        while (inner.Remaining > 0)
        {
            var key = inner.UInt16(field + " key");
            map[key] = inner.UInt64(field + " value");
        }

        return map;
    }

    public IReadOnlyList<McapMessageIndexEntry> IndexEntries(string field)
    {
        var length = UInt32(field);
        if (length % 16 != 0)
        {
            throw Error($"field {field} holds {length} bytes, not a whole number of 16-byte (log_time, offset) pairs");
        }

        var inner = Sub(length, field);
        var entries = new McapMessageIndexEntry[length / 16];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new McapMessageIndexEntry(inner.UInt64(field), inner.UInt64(field));
        }

        return entries;
    }

    public readonly McapFormatException Error(string problem) =>
        new(file, recordOffset, McapOpcodeNames.Of(opcode), problem);

    private RecordParser Sub(uint length, string field) =>
        new(Memory(Length(length, field), field), file, recordOffset, opcode);

    private ReadOnlyMemory<byte> Memory(int length, string field)
    {
        Take(length, field);
        return content.Slice(_position - length, length);
    }

    private readonly int Length(ulong length, string field) => length <= (ulong)Remaining
        ? (int)length
        : throw Error($"field {field} declares {length} bytes but only {Remaining} remain in the record (truncated record)");

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > Remaining)
        {
            throw Error($"field {field} needs {count} bytes but only {Remaining} remain in the record (truncated record)");
        }

        var span = content.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
