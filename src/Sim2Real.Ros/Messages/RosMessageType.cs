using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages;

/// <summary>A message type known at run time (for tools that pick the type from the command line or the graph).</summary>
public abstract class RosMessageType
{
    public abstract RosTypeName Name { get; }

    public abstract Type ClrType { get; }

    /// <summary>Decodes one serialized message (encapsulation header included).</summary>
    public abstract object Read(ReadOnlySpan<byte> cdr);

    public abstract void Write(CdrWriter writer, object message);

    public abstract object CreateDefault();

    public override string ToString() => Name.Ros;
}
