using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.DiagnosticMsgs;

/// <summary>diagnostic_msgs/msg/KeyValue: A key and its value.</summary>
public sealed record KeyValue : IRosMessage<KeyValue>
{
    public static RosTypeName TypeName { get; } = new("diagnostic_msgs", "KeyValue");

    public string Key { get; init; } = "";

    public string Value { get; init; } = "";

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.String(Key);
        writer.String(Value);
    }

    public static KeyValue Read(ref CdrReader reader) => new()
    {
        Key = reader.String(),
        Value = reader.String(),
    };
}
