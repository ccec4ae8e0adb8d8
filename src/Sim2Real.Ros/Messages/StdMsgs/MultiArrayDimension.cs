using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>std_msgs/msg/MultiArrayDimension: One dimension of a multi-array layout.</summary>
public sealed record MultiArrayDimension : IRosMessage<MultiArrayDimension>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "MultiArrayDimension");

    public string Label { get; init; } = "";

    public uint Size { get; init; }

    public uint Stride { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.String(Label);
        writer.UInt32(Size);
        writer.UInt32(Stride);
    }

    public static MultiArrayDimension Read(ref CdrReader reader) => new()
    {
        Label = reader.String(),
        Size = reader.UInt32(),
        Stride = reader.UInt32(),
    };
}
