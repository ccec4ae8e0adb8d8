using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages;

/// <summary>Whole-message encode and decode for any <see cref="IRosMessage{TSelf}"/>.</summary>
public static class RosMessage
{
    /// <summary>Decodes one serialized message and rejects bytes left over (a different or newer type on the wire).</summary>
    /// <exception cref="MalformedMessageException">The bytes are not one <typeparamref name="T"/>.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> cdr)
        where T : IRosMessage<T>
    {
        var reader = new CdrReader(cdr);
        var message = T.Read(ref reader);
        // Up to 3 bytes of padding to a 4-byte boundary are legal after the last field.
        if (reader.Remaining > 3)
        {
            throw new MalformedMessageException($"{reader.Remaining} bytes left after a complete {T.TypeName} (a different or newer type on the wire?)");
        }

        return message;
    }

    /// <summary>Serializes one message, encapsulation header included.</summary>
    public static byte[] Encode<T>(T message)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(message);
        using var writer = new CdrWriter();
        message.Write(writer);
        return writer.Written.ToArray();
    }
}
