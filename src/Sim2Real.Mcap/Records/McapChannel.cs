namespace Sim2Real.Mcap.Records;

/// <summary>Channel (0x04): a topic, its schema (0 for none), message encoding (<c>cdr</c>) and metadata.</summary>
public sealed record McapChannel(ushort Id, ushort SchemaId, string Topic, string MessageEncoding, IReadOnlyDictionary<string, string> Metadata) : McapRecord
{
    /// <summary>Same fields and metadata: repeats of a channel id must be identical.</summary>
    public bool SameAs(McapChannel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && SchemaId == other.SchemaId && Topic == other.Topic && MessageEncoding == other.MessageEncoding
            && Metadata.Count == other.Metadata.Count
            && Metadata.All(kv => other.Metadata.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
