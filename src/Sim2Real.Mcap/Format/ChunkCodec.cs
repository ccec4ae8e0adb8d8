using System.Buffers;
using System.Runtime.InteropServices;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Sim2Real.Mcap.Format;

/// <summary>
/// Compresses and decompresses chunk records: zstd frames (ZstdSharp), LZ4 frames (K4os; MCAP's lz4 is the frame
/// format, not raw blocks) or none. One instance per writer or reader: it keeps its codec contexts.
/// </summary>
internal sealed class ChunkCodec : IDisposable
{
    private readonly int _zstdLevel;
    private Compressor? _zstd;
    private Decompressor? _unzstd;
    private readonly ArrayBufferWriter<byte> _lz4 = new();
    private byte[] _compressed = [];

    public ChunkCodec(int zstdLevel = 1) => _zstdLevel = zstdLevel;

    /// <summary>The compressed bytes of <paramref name="records"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(McapCompression compression, ReadOnlySpan<byte> records)
    {
        switch (compression)
        {
            case McapCompression.None:
                return records;
            case McapCompression.Zstd:
                _zstd ??= new Compressor(_zstdLevel);
                Ensure(Compressor.GetCompressBound(records.Length));
                return _compressed.AsSpan(0, _zstd.Wrap(records, _compressed));
            case McapCompression.Lz4:
                _lz4.ResetWrittenCount();
                LZ4Frame.Encode(records, _lz4, LZ4Level.L00_FAST);
                return _lz4.WrittenSpan;
            default:
                throw new ArgumentOutOfRangeException(nameof(compression), compression, "not an MCAP compression");
        }
    }

    /// <summary>Decompresses into exactly <paramref name="destination"/>; throws <see cref="InvalidDataException"/> when the sizes disagree or the data is corrupt.</summary>
    public void Decompress(McapCompression compression, ReadOnlyMemory<byte> source, byte[] destination)
    {
        long written;
        switch (compression)
        {
            case McapCompression.None:
                if (source.Length != destination.Length)
                {
                    throw new InvalidDataException($"holds {source.Length} bytes, uncompressed_size says {destination.Length}");
                }

                source.Span.CopyTo(destination);
                return;
            case McapCompression.Zstd:
                _unzstd ??= new Decompressor();
                try
                {
                    written = _unzstd.Unwrap(source.Span, destination);
                }
                catch (ZstdException e)
                {
                    throw new InvalidDataException($"zstd: {e.Message}", e);
                }

                break;
            case McapCompression.Lz4:
                written = DecodeLz4(source, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(compression), compression, "not an MCAP compression");
        }

        if (written != destination.Length)
        {
            throw new InvalidDataException($"decompressed to {written} bytes, uncompressed_size says {destination.Length}");
        }
    }

    public void Dispose()
    {
        _zstd?.Dispose();
        _unzstd?.Dispose();
    }

    private static long DecodeLz4(ReadOnlyMemory<byte> source, byte[] destination)
    {
        var array = MemoryMarshal.TryGetArray(source, out var segment) ? segment : new ArraySegment<byte>(source.ToArray());
        try
        {
            using var input = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
            using var decoder = LZ4Stream.Decode(input);
            var written = decoder.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            // More than the chunk declares is as wrong as less.
            return decoder.ReadByte() < 0 ? written : written + 1L;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or IOException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"lz4: {e.Message}", e);
        }
    }

    private void Ensure(int size)
    {
        if (_compressed.Length < size)
        {
            _compressed = new byte[size];
        }
    }
}
