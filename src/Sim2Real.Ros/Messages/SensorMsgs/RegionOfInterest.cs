using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>sensor_msgs/msg/RegionOfInterest: A rectangular sub-window of an image.</summary>
public sealed record RegionOfInterest : IRosMessage<RegionOfInterest>
{
    public static RosTypeName TypeName { get; } = new("sensor_msgs", "RegionOfInterest");

    public uint XOffset { get; init; }

    public uint YOffset { get; init; }

    public uint Height { get; init; }

    public uint Width { get; init; }

    public bool DoRectify { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.UInt32(XOffset);
        writer.UInt32(YOffset);
        writer.UInt32(Height);
        writer.UInt32(Width);
        writer.Bool(DoRectify);
    }

    public static RegionOfInterest Read(ref CdrReader reader) => new()
    {
        XOffset = reader.UInt32(),
        YOffset = reader.UInt32(),
        Height = reader.UInt32(),
        Width = reader.UInt32(),
        DoRectify = reader.Bool(),
    };
}
