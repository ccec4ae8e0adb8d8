namespace Sim2Real.Learning.Checkpoints;

/// <summary>
/// A safetensors file read and validated: its named tensors, in file order, and its <c>__metadata__</c>.
/// <see cref="Open"/> maps the file, so tensors are read from disk only when used; dispose to unmap.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private readonly Dictionary<string, SafeTensor> _byName;
    private readonly IDisposable? _owner;

    private SafetensorsFile(string source, IReadOnlyList<SafeTensor> tensors, IReadOnlyDictionary<string, string> metadata, IDisposable? owner)
    {
        Source = source;
        Tensors = tensors;
        Metadata = metadata;
        _owner = owner;
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The path (or name) used in error messages.</summary>
    public string Source { get; }

    /// <summary>Tensors in file order.</summary>
    public IReadOnlyList<SafeTensor> Tensors { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public IEnumerable<string> Names => Tensors.Select(t => t.Name);

    public SafeTensor this[string name] => _byName.TryGetValue(name, out var tensor)
        ? tensor
        : throw new KeyNotFoundException($"{Source}: no tensor named '{name}' (holds {Tensors.Count} tensors)");

    public bool TryGet(string name, out SafeTensor tensor) => _byName.TryGetValue(name, out tensor!);

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Maps and validates <paramref name="path"/>.</summary>
    /// <exception cref="SafetensorsFormatException">The file is truncated, malformed or inconsistent.</exception>
    public static SafetensorsFile Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{path}: is a folder; give a .safetensors file");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = stream.Length;
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix[..(int)Math.Min(8, length)]);
        SafetensorsHeader.ReadLength(prefix, length, path);

        var memory = new MappedMemoryManager(stream, length);
        try
        {
            return FromMemory(memory.Memory, path, memory);
        }
        catch
        {
            ((IDisposable)memory).Dispose();
            throw;
        }
    }

    /// <summary>Parses a whole file held in memory; <paramref name="source"/> names it in errors.</summary>
    public static SafetensorsFile Parse(ReadOnlyMemory<byte> bytes, string source) => FromMemory(bytes, source, null);

    private static SafetensorsFile FromMemory(ReadOnlyMemory<byte> bytes, string source, IDisposable? owner)
    {
        var span = bytes.Span;
        var n = SafetensorsHeader.ReadLength(span, span.Length, source);
        var json = span.Slice(8, (int)n);
        SafetensorsHeader.RequireUtf8(json, source);
        var header = SafetensorsHeader.Parse(json, span.Length, source);
        var data = bytes[(int)header.DataStart..];
        var tensors = header.Entries
            .Select(e => SafeTensor.FromBytes(e.Name, e.Dtype, e.Shape, data[(int)e.Begin..(int)e.End]))
            .ToArray();
        return new SafetensorsFile(source, tensors, header.Metadata ?? NoMetadata, owner);
    }

    /// <summary>Checks names, dtypes and shapes against <paramref name="expected"/>; see <see cref="TensorSpec.Verify"/>.</summary>
    public void Verify(IEnumerable<TensorSpec> expected) => TensorSpec.Verify(Source, Tensors, expected);

    public void Dispose() => _owner?.Dispose();
}
