namespace Sim2Real.Mcap.Format;

/// <summary>Chunk compression: the well-known MCAP values <c>zstd</c>, <c>lz4</c> (LZ4 frame format) and none (<c>""</c>).</summary>
public enum McapCompression
{
    None,
    Lz4,
    Zstd,
}
