using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.BuiltinInterfaces;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>std_msgs/msg/Header: Timestamp and coordinate frame of stamped data.</summary>
public sealed record Header : IRosMessage<Header>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "Header");

    public Time Stamp { get; init; } = new();

    public string FrameId { get; init; } = "";

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Stamp.Write(writer);
        writer.String(FrameId);
    }

    public static Header Read(ref CdrReader reader) => new()
    {
        Stamp = Time.Read(ref reader),
        FrameId = reader.String(),
    };
}
