using System.Buffers.Binary;
using System.IO.Hashing;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Reading;

/// <summary>Decompresses a chunk, checks its CRC and splits it into the Schema, Channel and Message records it holds.</summary>
internal static class ChunkReader
{
    private static readonly string ChunkName = McapOpcodeNames.Of(McapOpcode.Chunk);

    /// <summary>The uncompressed, CRC-checked records bytes of the chunk at <paramref name="offset"/>.</summary>
    public static byte[] Decompress(ChunkHeader header, string file, long offset, ChunkCodec codec)
    {
        var compression = McapCompressionNames.FromWire(header.Compression)
            ?? throw new McapFormatException(file, offset, ChunkName,
                $"unknown compression '{header.Compression}' (this reader knows zstd, lz4 and none)");
        if (header.UncompressedSize > (ulong)Array.MaxLength)
        {
            throw new McapFormatException(file, offset, ChunkName, $"uncompressed_size {header.UncompressedSize} is larger than this reader can hold");
        }

        var data = new byte[(int)header.UncompressedSize];
        try
        {
            codec.Decompress(compression, header.CompressedRecords, data);
        }
        catch (InvalidDataException e)
        {
            throw new McapFormatException(file, offset, ChunkName, $"{McapCompressionNames.Display(header.Compression)} records do not decompress: {e.Message}", e);
        }

        if (header.UncompressedCrc != 0)
        {
            var crc = Crc32.HashToUInt32(data);
            if (crc != header.UncompressedCrc)
            {
                throw new McapFormatException(file, offset, ChunkName,
                    $"bad CRC: uncompressed_crc is 0x{header.UncompressedCrc:x8}, the records give 0x{crc:x8}");
            }
        }

        return data;
    }

    /// <summary>The records in uncompressed chunk data, each with its offset in that data.</summary>
    public static IReadOnlyList<McapChunkRecord> Split(ReadOnlyMemory<byte> data, string file, long offset)
    {
        var records = new List<McapChunkRecord>();
        var position = 0;
        while (position < data.Length)
        {
            records.Add(new McapChunkRecord(position, RecordAt(data, position, file, offset, out var length)));
            position += length;
        }

        return records;
    }

    /// <summary>The record at <paramref name="position"/> of uncompressed chunk data (a message index points there).</summary>
    public static McapRecord RecordAt(ReadOnlyMemory<byte> data, int position, string file, long offset, out int length)
    {
        var span = data.Span;
        if (span.Length - position < 9)
        {
            throw new McapFormatException(file, offset, ChunkName,
                $"record at uncompressed offset {position} is cut off: {span.Length - position} bytes left, a record needs at least 9 (truncated record)");
        }

        var opcode = span[position];
        var contentLength = BinaryPrimitives.ReadUInt64LittleEndian(span[(position + 1)..]);
        if (contentLength > (ulong)(span.Length - position - 9))
        {
            throw new McapFormatException(file, offset, ChunkName,
                $"{McapOpcodeNames.Of(opcode)} at uncompressed offset {position} declares {contentLength} bytes, the chunk has {span.Length - position - 9} left (truncated record)");
        }

        if (opcode is not ((byte)McapOpcode.Schema or (byte)McapOpcode.Channel or (byte)McapOpcode.Message) && opcode < 0x80)
        {
            throw new McapFormatException(file, offset, ChunkName,
                $"{McapOpcodeNames.Of(opcode)} at uncompressed offset {position} is not allowed in a chunk (only Schema, Channel, Message)");
        }

        length = checked(9 + (int)contentLength);
        try
        {
            return RecordDecoder.Decode(opcode, data.Slice(position + 9, (int)contentLength), file, offset);
        }
        catch (McapFormatException e)
        {
            throw new McapFormatException(file, offset, ChunkName, $"{e.Record} at uncompressed offset {position}: {e.Problem}", e);
        }
    }
}
