using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>std_msgs/msg/String: A single string.</summary>
public sealed record String : IRosMessage<String>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "String");

    public string Data { get; init; } = "";

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.String(Data);
    }

    public static String Read(ref CdrReader reader) => new()
    {
        Data = reader.String(),
    };
}
