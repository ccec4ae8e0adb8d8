using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.DiagnosticMsgs;

/// <summary>diagnostic_msgs/msg/DiagnosticStatus: The state of one component: level, name, message, hardware id and key values.</summary>
public sealed record DiagnosticStatus : IRosMessage<DiagnosticStatus>
{
    /// <summary>Level: the component works.</summary>
    public const byte OK = 0;
    /// <summary>Level: the component works with reservations.</summary>
    public const byte WARN = 1;
    /// <summary>Level: the component failed.</summary>
    public const byte ERROR = 2;
    /// <summary>Level: no recent update.</summary>
    public const byte STALE = 3;

    public static RosTypeName TypeName { get; } = new("diagnostic_msgs", "DiagnosticStatus");

    public byte Level { get; init; }

    public string Name { get; init; } = "";

    public string Message { get; init; } = "";

    public string HardwareId { get; init; } = "";

    public KeyValue[] Values { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.UInt8(Level);
        writer.String(Name);
        writer.String(Message);
        writer.String(HardwareId);
        writer.Sequence(Values);
    }

    public static DiagnosticStatus Read(ref CdrReader reader) => new()
    {
        Level = reader.UInt8(),
        Name = reader.String(),
        Message = reader.String(),
        HardwareId = reader.String(),
        Values = reader.Sequence<KeyValue>(),
    };
}
