using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>std_msgs/msg/Bool: A single boolean.</summary>
public sealed record Bool : IRosMessage<Bool>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "Bool");

    public bool Data { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Bool(Data);
    }

    public static Bool Read(ref CdrReader reader) => new()
    {
        Data = reader.Bool(),
    };
}
