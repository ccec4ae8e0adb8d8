using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.DiagnosticMsgs;

/// <summary>diagnostic_msgs/msg/DiagnosticArray: Diagnostic status of several components.</summary>
public sealed record DiagnosticArray : IRosMessage<DiagnosticArray>
{
    public static RosTypeName TypeName { get; } = new("diagnostic_msgs", "DiagnosticArray");

    public Header Header { get; init; } = new();

    public DiagnosticStatus[] Status { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.Sequence(Status);
    }

    public static DiagnosticArray Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Status = reader.Sequence<DiagnosticStatus>(),
    };
}
