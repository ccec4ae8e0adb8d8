using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>std_msgs/msg/MultiArrayLayout: How a flat multi-array maps onto dimensions.</summary>
public sealed record MultiArrayLayout : IRosMessage<MultiArrayLayout>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "MultiArrayLayout");

    public MultiArrayDimension[] Dim { get; init; } = [];

    public uint DataOffset { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Sequence(Dim);
        writer.UInt32(DataOffset);
    }

    public static MultiArrayLayout Read(ref CdrReader reader) => new()
    {
        Dim = reader.Sequence<MultiArrayDimension>(),
        DataOffset = reader.UInt32(),
    };
}
