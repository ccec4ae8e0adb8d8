using System.Buffers.Binary;
using System.IO.Hashing;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Reading;

/// <summary>
/// Reads an MCAP file front to back, as a stream reader does: the Header, then every record in order, chunks
/// decompressed and CRC-checked. A truncated tail is not an error: the read stops at the last whole record and
/// <see cref="End"/> says where and why. Corruption (bad CRCs, malformed records, unknown compression) throws
/// <see cref="McapFormatException"/>, unless the reader recovers, in which case such records come back as
/// <see cref="McapSkippedRecord"/> and the read goes on.
/// </summary>
public sealed class McapLinearReader : IDisposable
{
    private const int RecordHeaderLength = 9;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly bool _recover;
    private readonly string _file;
    private readonly long _length;
    private readonly ChunkCodec _codec = new();
    private readonly Crc32 _crc = new();
    private long _position;
    private bool _started;

    /// <param name="recover">Skip (and report) corrupt chunks and attachments instead of throwing; stop at garbage instead of throwing.</param>
    public McapLinearReader(Stream stream, string file, bool recover = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        _stream = stream;
        _file = file;
        _recover = recover;
        _leaveOpen = leaveOpen;
        _length = stream.CanSeek ? stream.Length : -1;
        try
        {
            Header = ReadHeader();
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    public McapHeader Header { get; }

    /// <summary>How the read ended; null until <see cref="Records"/> has been read to its end.</summary>
    public McapReadEnd? End { get; private set; }

    /// <summary>The still-compressed records of the chunk <see cref="Records"/> returned last (recovery copies them verbatim).</summary>
    internal ReadOnlyMemory<byte> LastChunkCompressedRecords { get; private set; }

    /// <summary>Opens <paramref name="path"/> and reads its magic and Header.</summary>
    public static McapLinearReader Open(string path, bool recover = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new McapLinearReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16), path, recover);
    }

    /// <summary>Every record after the Header, in file order; may be enumerated once.</summary>
    public IEnumerable<McapRecord> Records()
    {
        if (_started)
        {
            throw new InvalidOperationException("a linear read can be enumerated once");
        }

        _started = true;
        return ReadRecords();
    }

    public void Dispose()
    {
        _codec.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private IEnumerable<McapRecord> ReadRecords()
    {
        var inSummary = false;
        long summaryStart = 0;
        while (true)
        {
            var recordOffset = _position;
            var header = new byte[RecordHeaderLength];
            var got = ReadFully(header);
            if (got == 0)
            {
                Stop(McapReadEndKind.Unclosed, recordOffset, "end of file", inSummary
                    ? "the summary has no Footer"
                    : "no Data End or Footer: the writer stopped before closing the file");
                yield break;
            }

            var opcode = header[0];
            var name = McapOpcodeNames.Of(opcode);
            if (got < RecordHeaderLength)
            {
                Stop(McapReadEndKind.Truncated, recordOffset, name, $"the file ends {got} bytes into the 9-byte record header");
                yield break;
            }

            if (opcode == 0)
            {
                var problem = "opcode 0x00 is not a record (corrupt or zero-filled data)";
                if (_recover)
                {
                    Stop(McapReadEndKind.Corrupt, recordOffset, name, problem);
                    yield break;
                }

                throw new McapFormatException(_file, recordOffset, name, problem);
            }

            var contentLength = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(1));
            var available = _length < 0 ? long.MaxValue : _length - _position;
            if (contentLength > (ulong)Math.Min(available, Array.MaxLength))
            {
                Stop(McapReadEndKind.Truncated, recordOffset, name,
                    $"declares {contentLength} bytes of content, the file has {Math.Max(available, 0)} left");
                yield break;
            }

            var content = new byte[(int)contentLength];
            var read = ReadFully(content);
            if (read < content.Length)
            {
                Stop(McapReadEndKind.Truncated, recordOffset, name, $"declares {contentLength} bytes of content, the file has {read} left");
                yield break;
            }

            if (!inSummary)
            {
                if (opcode == (byte)McapOpcode.DataEnd)
                {
                    var dataCrc = _crc.GetCurrentHashAsUInt32();
                    var dataEnd = (McapDataEnd)RecordDecoder.Decode(opcode, content, _file, recordOffset);
                    if (dataEnd.DataSectionCrc != 0 && dataEnd.DataSectionCrc != dataCrc && !_recover)
                    {
                        throw new McapFormatException(_file, recordOffset, name,
                            $"bad CRC: data_section_crc is 0x{dataEnd.DataSectionCrc:x8}, the data section gives 0x{dataCrc:x8}");
                    }

                    inSummary = true;
                    summaryStart = _position;
                    _crc.Reset();
                    yield return dataEnd;
                    continue;
                }

                _crc.Append(header);
                _crc.Append(content);
            }

            if (opcode == (byte)McapOpcode.Footer)
            {
                var footer = (McapFooter)RecordDecoder.Decode(opcode, content, _file, recordOffset);
                CheckSummaryCrc(footer, header, content, summaryStart, recordOffset);
                yield return footer;
                var magic = new byte[McapMagic.Length];
                var magicRead = ReadFully(magic);
                if (magicRead < magic.Length || !magic.AsSpan().SequenceEqual(McapMagic.Bytes))
                {
                    Stop(McapReadEndKind.Truncated, _position - magicRead, "magic", magicRead < magic.Length
                        ? $"the file ends {magicRead} bytes into the closing magic"
                        : "the Footer is not followed by the MCAP magic");
                    yield break;
                }

                Stop(McapReadEndKind.Complete, _position, "end of file", "");
                yield break;
            }

            if (inSummary)
            {
                _crc.Append(header);
                _crc.Append(content);
            }

            var record = Decode(opcode, content, recordOffset);
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    private McapRecord? Decode(byte opcode, byte[] content, long recordOffset)
    {
        try
        {
            if (opcode == (byte)McapOpcode.Chunk)
            {
                var chunk = ChunkHeader.Decode(content, _file, recordOffset);
                var data = ChunkReader.Decompress(chunk, _file, recordOffset, _codec);
                var records = ChunkReader.Split(data, _file, recordOffset);
                LastChunkCompressedRecords = chunk.CompressedRecords;
                return new McapChunk(chunk.MessageStartTime, chunk.MessageEndTime, chunk.UncompressedSize, chunk.UncompressedCrc,
                    chunk.Compression, (ulong)chunk.CompressedRecords.Length, recordOffset, content.Length + RecordHeaderLength, records);
            }

            return RecordDecoder.Decode(opcode, content, _file, recordOffset);
        }
        catch (McapFormatException e) when (_recover)
        {
            return new McapSkippedRecord(opcode, recordOffset, content.Length + RecordHeaderLength, e.Problem);
        }
    }

    private void CheckSummaryCrc(McapFooter footer, byte[] header, byte[] content, long summaryStart, long footerOffset)
    {
        if (footer.SummaryCrc == 0 || footer.SummaryStart == 0 || (long)footer.SummaryStart != summaryStart)
        {
            return;
        }

        _crc.Append(header);
        _crc.Append(content.AsSpan(0, 16));
        var crc = _crc.GetCurrentHashAsUInt32();
        if (crc != footer.SummaryCrc && !_recover)
        {
            throw new McapFormatException(_file, footerOffset, McapOpcodeNames.Of(McapOpcode.Footer),
                $"bad CRC: summary_crc is 0x{footer.SummaryCrc:x8}, the summary gives 0x{crc:x8}");
        }
    }

    private McapHeader ReadHeader()
    {
        var magic = new byte[McapMagic.Length];
        var got = ReadFully(magic);
        if (got < magic.Length || !magic.AsSpan().SequenceEqual(McapMagic.Bytes))
        {
            throw NotMcap(_file, magic.AsSpan(0, got));
        }

        _crc.Append(magic);
        var header = new byte[RecordHeaderLength];
        got = ReadFully(header);
        if (got < RecordHeaderLength)
        {
            throw new McapFormatException(_file, McapMagic.Length, McapOpcodeNames.Of(McapOpcode.Header),
                $"the file ends {got} bytes into the Header record (truncated record)");
        }

        if (header[0] != (byte)McapOpcode.Header)
        {
            throw new McapFormatException(_file, McapMagic.Length, McapOpcodeNames.Of(header[0]), "the first record is not the Header (0x01)");
        }

        var length = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(1));
        if (length > 1 << 20)
        {
            throw new McapFormatException(_file, McapMagic.Length, McapOpcodeNames.Of(McapOpcode.Header), $"declares {length} bytes (corrupt length)");
        }

        var content = new byte[(int)length];
        got = ReadFully(content);
        if (got < content.Length)
        {
            throw new McapFormatException(_file, McapMagic.Length, McapOpcodeNames.Of(McapOpcode.Header),
                $"declares {length} bytes, the file has {got} left (truncated record)");
        }

        _crc.Append(header);
        _crc.Append(content);
        return (McapHeader)RecordDecoder.Decode(header[0], content, _file, McapMagic.Length);
    }

    internal static McapFormatException NotMcap(string file, ReadOnlySpan<byte> start) => new(file, 0, "magic",
        start.Length == 0
            ? "not an MCAP file: it is empty"
            : $"not an MCAP file: it starts with {Convert.ToHexString(start)}, an MCAP file with {Convert.ToHexString(McapMagic.Bytes)}");

    private void Stop(McapReadEndKind kind, long offset, string record, string problem) =>
        End = new McapReadEnd(kind, offset, record, problem, _length < 0 ? 0 : Math.Max(0, _length - offset));

    private int ReadFully(Span<byte> buffer)
    {
        var read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _position += read;
        return read;
    }
}
