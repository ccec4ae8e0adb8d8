using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>std_msgs/msg/Float64MultiArray: A multi-dimensional float64 array, flattened.</summary>
public sealed record Float64MultiArray : IRosMessage<Float64MultiArray>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "Float64MultiArray");

    public MultiArrayLayout Layout { get; init; } = new();

    public double[] Data { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Layout.Write(writer);
        writer.Float64Sequence(Data);
    }

    public static Float64MultiArray Read(ref CdrReader reader) => new()
    {
        Layout = MultiArrayLayout.Read(ref reader),
        Data = reader.Float64Sequence(),
    };
}
