using Sim2Real.Core;

namespace Sim2Real.Mcap.Format;

/// <summary>The <c>compression</c> strings of Chunk records and of the command line.</summary>
public static class McapCompressionNames
{
    public static string ToWire(McapCompression compression) => compression switch
    {
        McapCompression.None => "",
        McapCompression.Lz4 => "lz4",
        McapCompression.Zstd => "zstd",
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "not an MCAP compression"),
    };

    /// <summary>The compression of a Chunk record's field; null when this reader does not know it.</summary>
    public static McapCompression? FromWire(string compression) => compression switch
    {
        "" => McapCompression.None,
        "lz4" => McapCompression.Lz4,
        "zstd" => McapCompression.Zstd,
        _ => null,
    };

    /// <summary>
    /// Parses <c>zstd</c>, <c>lz4</c> or <c>none</c> given by a user; <paramref name="origin"/> and
    /// <paramref name="field"/> name where (e.g. "command line", "--compression").
    /// </summary>
    public static McapCompression Parse(string text, string origin, string field) => text.ToLowerInvariant() switch
    {
        "zstd" => McapCompression.Zstd,
        "lz4" => McapCompression.Lz4,
        "none" or "" => McapCompression.None,
        _ => throw new InvalidConfigException(origin, field, $"must be zstd, lz4 or none, got '{text}'"),
    };

    /// <summary>How tools print it: <c>zstd</c>, <c>lz4</c>, <c>none</c>.</summary>
    public static string Display(string wire) => wire.Length == 0 ? "none" : wire;
}
