using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>sensor_msgs/msg/Image: An uncompressed image.</summary>
public sealed record Image : IRosMessage<Image>
{
    public static RosTypeName TypeName { get; } = new("sensor_msgs", "Image");

    public Header Header { get; init; } = new();

    public uint Height { get; init; }

    public uint Width { get; init; }

    public string Encoding { get; init; } = "";

    public byte IsBigendian { get; init; }

    public uint Step { get; init; }

    public byte[] Data { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.UInt32(Height);
        writer.UInt32(Width);
        writer.String(Encoding);
        writer.UInt8(IsBigendian);
        writer.UInt32(Step);
        writer.Bytes(Data);
    }

    public static Image Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Height = reader.UInt32(),
        Width = reader.UInt32(),
        Encoding = reader.String(),
        IsBigendian = reader.UInt8(),
        Step = reader.UInt32(),
        Data = reader.Bytes(),
    };
}
