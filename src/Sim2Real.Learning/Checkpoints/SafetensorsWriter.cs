using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Sim2Real.Files;

namespace Sim2Real.Learning.Checkpoints;

/// <summary>
/// Writes safetensors exactly as the reference implementation lays them out: tensors ordered by descending dtype
/// alignment then by name, compact JSON header with <c>__metadata__</c> first, padded with spaces to a multiple
/// of 8 bytes so every tensor's data is aligned, offsets relative to the start of the data.
/// </summary>
public static class SafetensorsWriter
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Writes <paramref name="path"/> atomically: a reader or a crash sees the old file or the new one, never a mix.</summary>
    public static void Write(string path, IEnumerable<SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        => Write(path, tensors, metadata, intercept: null);

    internal static void Write(string path, IEnumerable<SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata, Func<Stream, Stream>? intercept)
    {
        var ordered = Order(tensors);
        AtomicFile.Write(path, stream => WriteOrdered(intercept is null ? stream : intercept(stream), ordered, metadata));
    }

    /// <summary>Writes to any stream (not atomic).</summary>
    public static void Write(Stream stream, IEnumerable<SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        WriteOrdered(stream, Order(tensors), metadata);
    }

    public static byte[] Serialize(IEnumerable<SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var memory = new MemoryStream();
        Write(memory, tensors, metadata);
        return memory.ToArray();
    }

    private static List<SafeTensor> Order(IEnumerable<SafeTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in list)
        {
            if (t.Name == "__metadata__")
            {
                throw new ArgumentException("'__metadata__' is reserved for the metadata map and cannot name a tensor", nameof(tensors));
            }

            if (!names.Add(t.Name))
            {
                throw new ArgumentException($"tensor '{t.Name}' appears twice", nameof(tensors));
            }
        }

        // Rust orders names by UTF-8 bytes; comparing the bytes keeps the same order beyond the BMP.
        list.Sort((a, b) => b.Dtype != a.Dtype
            ? b.Dtype.CompareTo(a.Dtype)
            : Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name)));
        return list;
    }

    private static void WriteOrdered(Stream stream, List<SafeTensor> ordered, IReadOnlyDictionary<string, string>? metadata)
    {
        var header = Header(ordered, metadata);
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
        stream.Write(prefix);
        stream.Write(header);
        foreach (var tensor in ordered)
        {
            var data = tensor.Data;
            for (var offset = 0; offset < data.Length; offset += ChunkBytes)
            {
                stream.Write(data.Span.Slice(offset, Math.Min(ChunkBytes, data.Length - offset)));
            }
        }

        stream.Flush();
    }

    internal static byte[] Header(IReadOnlyList<SafeTensor> ordered, IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new StringBuilder("{");
        var first = true;
        if (metadata is not null)
        {
            json.Append("\"__metadata__\":{");
            var firstItem = true;
            foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.Append(firstItem ? "" : ",");
                AppendString(json, key);
                json.Append(':');
                AppendString(json, value);
                firstItem = false;
            }

            json.Append('}');
            first = false;
        }

        long offset = 0;
        foreach (var tensor in ordered)
        {
            json.Append(first ? "" : ",");
            AppendString(json, tensor.Name);
            json.Append(":{\"dtype\":\"").Append(tensor.Dtype.HeaderName()).Append("\",\"shape\":[")
                .AppendJoin(',', tensor.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                .Append("],\"data_offsets\":[")
                .Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((offset + tensor.Data.Length).ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset += tensor.Data.Length;
            first = false;
        }

        json.Append('}');
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        var padded = (bytes.Length + 7) / 8 * 8;
        var result = new byte[padded];
        bytes.CopyTo(result, 0);
        result.AsSpan(bytes.Length).Fill((byte)' ');
        return result;
    }

    /// <summary>JSON string as serde_json writes it: escapes quote, backslash and control characters only.</summary>
    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}
