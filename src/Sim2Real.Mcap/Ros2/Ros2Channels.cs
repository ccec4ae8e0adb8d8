using System.Text;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Ros2;

/// <summary>Writing ros2-profile channels and messages: ros2msg schemas, cdr messages, offered_qos_profiles metadata.</summary>
public static class Ros2Channels
{
    /// <summary>
    /// Adds a topic of <paramref name="type"/>: its schema (name <c>pkg/msg/Type</c>, encoding ros2msg, the .msg
    /// text with dependencies) once per type, and a cdr channel carrying the publishers' QoS.
    /// </summary>
    public static ushort AddRos2Channel(this McapWriter writer, string topic, RosMessageType type, IEnumerable<QosProfile> offeredQos)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        var schema = writer.AddSchema(type.Name.Ros, Ros2Profile.SchemaEncoding, Encoding.UTF8.GetBytes(MessageDefinitions.Ros2MsgSchema(type.Name)));
        return writer.AddChannel(schema, TopicName.Resolve(topic), Ros2Profile.MessageEncoding,
            new Dictionary<string, string> { [Ros2Profile.OfferedQosProfilesKey] = OfferedQosProfiles.Format(offeredQos) });
    }

    /// <summary>Serializes <paramref name="message"/> as CDR (as it travels on DDS) and writes it.</summary>
    public static void WriteRos2<T>(this McapWriter writer, ushort channel, T message, ulong logTime, ulong publishTime, CdrWriter? scratch = null)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        if (scratch is null)
        {
            using var cdr = new CdrWriter();
            message.Write(cdr);
            writer.WriteMessage(channel, logTime, publishTime, cdr.Written);
            return;
        }

        scratch.Reset();
        message.Write(scratch);
        writer.WriteMessage(channel, logTime, publishTime, scratch.Written);
    }
}
