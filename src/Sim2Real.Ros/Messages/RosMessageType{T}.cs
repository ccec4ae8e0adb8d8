using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages;

/// <summary>The run-time face of the compile-time message type <typeparamref name="T"/>.</summary>
internal sealed class RosMessageType<T> : RosMessageType
    where T : IRosMessage<T>, new()
{
    public static RosMessageType<T> Instance { get; } = new();

    public override RosTypeName Name => T.TypeName;

    public override Type ClrType => typeof(T);

    public override object Read(ReadOnlySpan<byte> cdr) => RosMessage.Decode<T>(cdr);

    public override void Write(CdrWriter writer, object message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ((T)message).Write(writer);
    }

    public override object CreateDefault() => new T();
}
