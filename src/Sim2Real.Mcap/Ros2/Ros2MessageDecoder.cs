using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Mcap.Ros2;

/// <summary>
/// Decodes ros2-profile messages of an indexed file into the project's message records, by the schema name
/// stored in the file. Anything but cdr messages with ros2msg/ros2idl schemas of a known type is refused, naming the
/// file, the offset and the record.
/// </summary>
public sealed class Ros2MessageDecoder(McapReader reader)
{
    private readonly Dictionary<ushort, RosMessageType> _types = [];

    /// <summary>The message type of a channel, checked against the ros2 profile.</summary>
    public RosMessageType TypeOf(ushort channelId)
    {
        if (_types.TryGetValue(channelId, out var known))
        {
            return known;
        }

        var channel = reader.Channels.GetValueOrDefault(channelId)
            ?? throw new ArgumentException($"channel {channelId} is not in {reader.File}", nameof(channelId));
        if (channel.MessageEncoding != Ros2Profile.MessageEncoding)
        {
            throw new McapFormatException(reader.File, reader.ChannelOffset(channelId), McapOpcodeNames.Of(McapOpcode.Channel),
                $"topic {channel.Topic}: unknown message encoding '{channel.MessageEncoding}' (the ros2 profile uses cdr)");
        }

        var schema = channel.SchemaId == 0 ? null : reader.Schemas.GetValueOrDefault(channel.SchemaId);
        if (schema is null)
        {
            throw new McapFormatException(reader.File, reader.ChannelOffset(channelId), McapOpcodeNames.Of(McapOpcode.Channel),
                $"topic {channel.Topic}: no schema, so its messages cannot be decoded");
        }

        var schemaRecord = McapOpcodeNames.Of(McapOpcode.Schema);
        if (schema.Encoding is not (Ros2Profile.SchemaEncoding or Ros2Profile.IdlSchemaEncoding))
        {
            throw new McapFormatException(reader.File, reader.SchemaOffset(schema.Id), schemaRecord,
                $"schema {schema.Id} '{schema.Name}' of topic {channel.Topic}: unknown schema encoding '{schema.Encoding}' (the ros2 profile uses ros2msg or ros2idl)");
        }

        RosTypeName name;
        try
        {
            name = RosTypeName.Parse(schema.Name);
        }
        catch (Core.InvalidConfigException e)
        {
            throw new McapFormatException(reader.File, reader.SchemaOffset(schema.Id), schemaRecord, $"schema {schema.Id}: {e.Problem}", e);
        }

        var type = RosMessageTypes.Find(name)
            ?? throw new McapFormatException(reader.File, reader.SchemaOffset(schema.Id), schemaRecord,
                $"topic {channel.Topic}: type {name} is not one this build decodes (known: {string.Join(", ", RosMessageTypes.All.Select(t => t.Name.Ros))})");
        _types[channelId] = type;
        return type;
    }

    /// <summary>The message as its record type (e.g. <c>JointState</c>).</summary>
    public object Decode(McapMessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var type = TypeOf(entry.Channel.Id);
        try
        {
            return type.Read(entry.Message.Data.Span);
        }
        catch (MalformedMessageException e)
        {
            throw new McapFormatException(reader.File, entry.ChunkOffset, McapOpcodeNames.Of(McapOpcode.Message),
                $"topic {entry.Channel.Topic}, message at uncompressed offset {entry.OffsetInChunk} of this chunk is not a valid {type.Name}: {e.Message}", e);
        }
    }
}
