using System.Buffers.Binary;
using System.Text.Unicode;
using System.Text.Json;

namespace Sim2Real.Learning.Checkpoints;

/// <summary>
/// The parsed and validated JSON header of a safetensors file: where each tensor lies in the byte buffer.
/// Every number is checked before use, so a hostile or damaged file is an error, never an out-of-range read.
/// </summary>
internal sealed class SafetensorsHeader
{
    /// <summary>The reference implementation refuses headers above this size; so do we.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private SafetensorsHeader(long headerBytes, IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        HeaderBytes = headerBytes;
        Entries = entries;
        Metadata = metadata;
    }

    /// <summary>N, the JSON length; the data buffer starts at 8 + N.</summary>
    public long HeaderBytes { get; }

    public long DataStart => 8 + HeaderBytes;

    /// <summary>Tensors in file order (ascending offsets).</summary>
    public IReadOnlyList<Entry> Entries { get; }

    public IReadOnlyDictionary<string, string>? Metadata { get; }

    internal sealed record Entry(string Name, SafetensorsDtype Dtype, long[] Shape, long Begin, long End);

    /// <summary>Reads the 8-byte length prefix; <paramref name="fileLength"/> bounds it.</summary>
    public static long ReadLength(ReadOnlySpan<byte> prefix, long fileLength, string file)
    {
        if (fileLength < 8)
        {
            throw new SafetensorsFormatException(file, null, $"truncated: {fileLength} bytes, shorter than the 8-byte header length");
        }

        var n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > MaxHeaderBytes)
        {
            throw new SafetensorsFormatException(file, null, $"header length {n} exceeds the {MaxHeaderBytes}-byte limit (not a safetensors file, or corrupt)");
        }

        if ((long)n > fileLength - 8)
        {
            throw new SafetensorsFormatException(file, null, $"truncated: header length {n} is larger than the {fileLength - 8} bytes after the length prefix");
        }

        return (long)n;
    }

    /// <summary>Parses the JSON and checks offsets, sizes and coverage against the <paramref name="fileLength"/>.</summary>
    public static SafetensorsHeader Parse(ReadOnlySpan<byte> json, long fileLength, string file)
    {
        var text = json.TrimStart((byte)' ');
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            throw new SafetensorsFormatException(file, null, "malformed header: the JSON header must be an object starting with '{'");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new SafetensorsFormatException(file, null, $"malformed JSON header: {e.Message}", e);
        }

        using (document)
        {
            var entries = new List<Entry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Dictionary<string, string>? metadata = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new SafetensorsFormatException(file, property.Name, "duplicate name in header");
                }

                if (property.Name == "__metadata__")
                {
                    metadata = ParseMetadata(property.Value, file);
                }
                else
                {
                    entries.Add(ParseEntry(property.Name, property.Value, file));
                }
            }

            var dataLength = fileLength - 8 - json.Length;
            Validate(entries, dataLength, file);
            return new SafetensorsHeader(json.Length, entries, metadata);
        }
    }

    private static Dictionary<string, string> ParseMetadata(JsonElement value, string file)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new SafetensorsFormatException(file, null, "__metadata__ must be an object of string to string");
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw new SafetensorsFormatException(file, null, $"__metadata__ value of '{item.Name}' must be a string, got {item.Value.ValueKind}");
            }

            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
            {
                throw new SafetensorsFormatException(file, null, $"__metadata__ has duplicate key '{item.Name}'");
            }
        }

        return metadata;
    }

    private static Entry ParseEntry(string name, JsonElement value, string file)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new SafetensorsFormatException(file, name, "header entry must be an object with dtype, shape and data_offsets");
        }

        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
        {
            throw new SafetensorsFormatException(file, name, "missing or non-string 'dtype'");
        }

        var dtypeName = dtypeElement.GetString()!;
        if (!SafetensorsDtypes.TryParse(dtypeName, out var dtype))
        {
            throw new SafetensorsFormatException(file, name, $"unknown dtype '{dtypeName}'");
        }

        var shape = ReadIntegers(value, "shape", name, file);
        var offsets = ReadIntegers(value, "data_offsets", name, file);
        if (offsets.Length != 2)
        {
            throw new SafetensorsFormatException(file, name, $"data_offsets must hold exactly [begin, end], got {offsets.Length} numbers");
        }

        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(JsonElement entry, string field, string name, string file)
    {
        if (!entry.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new SafetensorsFormatException(file, name, $"missing or non-array '{field}'");
        }

        var result = new long[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
            {
                throw new SafetensorsFormatException(file, name, $"'{field}' must hold non-negative integers, got {item.GetRawText()}");
            }

            result[i++] = v;
        }

        return result;
    }

    private static void Validate(List<Entry> entries, long dataLength, string file)
    {
        // Writers differ in header order; the buffer order is what must be contiguous.
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long cursor = 0;
        foreach (var e in entries)
        {
            if (e.End < e.Begin)
            {
                throw new SafetensorsFormatException(file, e.Name, $"data_offsets [{e.Begin}, {e.End}] end before they begin");
            }

            if (e.Begin != cursor)
            {
                var problem = e.Begin < cursor
                    ? $"data_offsets [{e.Begin}, {e.End}] overlap the previous tensor, which ends at {cursor}"
                    : $"data_offsets [{e.Begin}, {e.End}] leave a gap after byte {cursor}";
                throw new SafetensorsFormatException(file, e.Name, problem);
            }

            if (e.End > dataLength)
            {
                throw new SafetensorsFormatException(file, e.Name, $"data_offsets [{e.Begin}, {e.End}] run past the end of the data ({dataLength} bytes): file truncated?");
            }

            long bytes;
            try
            {
                bytes = checked(SafeTensor.Elements(e.Shape) * e.Dtype.SizeInBytes());
            }
            catch (OverflowException ex)
            {
                throw new SafetensorsFormatException(file, e.Name, $"shape {SafeTensor.FormatShape(e.Shape)} overflows", ex);
            }

            if (bytes != e.End - e.Begin)
            {
                throw new SafetensorsFormatException(file, e.Name,
                    $"shape {SafeTensor.FormatShape(e.Shape)} of {e.Dtype.HeaderName()} needs {bytes} bytes but data_offsets [{e.Begin}, {e.End}] hold {e.End - e.Begin}");
            }

            cursor = e.End;
        }

        if (cursor != dataLength)
        {
            throw new SafetensorsFormatException(file, null, $"tensors cover {cursor} bytes of data but the file holds {dataLength} after the header");
        }
    }

    /// <summary>Decodes the header bytes as UTF-8, rejecting invalid sequences as the reference does.</summary>
    public static void RequireUtf8(ReadOnlySpan<byte> json, string file)
    {
        if (!Utf8.IsValid(json))
        {
            throw new SafetensorsFormatException(file, null, "malformed header: not valid UTF-8");
        }
    }
}
