namespace Sim2Real.Mcap.Records;

/// <summary>Schema (0x03): a message type's name, schema encoding (<c>ros2msg</c>) and definition.</summary>
public sealed record McapSchema(ushort Id, string Name, string Encoding, ReadOnlyMemory<byte> Data) : McapRecord
{
    /// <summary>Same id, name, encoding and bytes: the specification requires repeats of an id to be identical.</summary>
    public bool SameAs(McapSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && Name == other.Name && Encoding == other.Encoding && Data.Span.SequenceEqual(other.Data.Span);
    }
}
