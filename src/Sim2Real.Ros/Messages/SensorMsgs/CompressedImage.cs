using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>sensor_msgs/msg/CompressedImage: A compressed image (jpeg, png, ...).</summary>
public sealed record CompressedImage : IRosMessage<CompressedImage>
{
    public static RosTypeName TypeName { get; } = new("sensor_msgs", "CompressedImage");

    public Header Header { get; init; } = new();

    public string Format { get; init; } = "";

    public byte[] Data { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.String(Format);
        writer.Bytes(Data);
    }

    public static CompressedImage Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Format = reader.String(),
        Data = reader.Bytes(),
    };
}
