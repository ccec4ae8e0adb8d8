namespace Sim2Real.Mcap;

/// <summary>
/// An MCAP file is not what it should be: not MCAP at all, a bad CRC, a truncated or malformed record, an unknown
/// compression or schema encoding. The message names the file, the byte offset and the record, on one line.
/// </summary>
public sealed class McapFormatException : Exception
{
    public McapFormatException(string file, long offset, string record, string problem)
        : base($"{file}: offset {offset}: {record}: {problem}")
    {
        File = file;
        Offset = offset;
        Record = record;
        Problem = problem;
    }

    public McapFormatException(string file, long offset, string record, string problem, Exception inner)
        : base($"{file}: offset {offset}: {record}: {problem}", inner)
    {
        File = file;
        Offset = offset;
        Record = record;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>Byte offset from the start of the file of the record (or field) at fault.</summary>
    public long Offset { get; }

    /// <summary>The record, e.g. <c>Chunk (0x06)</c>, or <c>magic</c>.</summary>
    public string Record { get; }

    public string Problem { get; }
}
