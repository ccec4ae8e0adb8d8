using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>sensor_msgs/msg/CameraInfo: Camera calibration and metadata, as camera_info YAML files describe it.</summary>
public sealed record CameraInfo : IRosMessage<CameraInfo>
{
    public static RosTypeName TypeName { get; } = new("sensor_msgs", "CameraInfo");

    public Header Header { get; init; } = new();

    public uint Height { get; init; }

    public uint Width { get; init; }

    public string DistortionModel { get; init; } = "";

    public double[] D { get; init; } = [];

    [RosFixedLength(9)]
    public double[] K { get; init; } = new double[9];

    [RosFixedLength(9)]
    public double[] R { get; init; } = new double[9];

    [RosFixedLength(12)]
    public double[] P { get; init; } = new double[12];

    public uint BinningX { get; init; }

    public uint BinningY { get; init; }

    public RegionOfInterest Roi { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.UInt32(Height);
        writer.UInt32(Width);
        writer.String(DistortionModel);
        writer.Float64Sequence(D);
        writer.Float64Array(K, 9, "k");
        writer.Float64Array(R, 9, "r");
        writer.Float64Array(P, 12, "p");
        writer.UInt32(BinningX);
        writer.UInt32(BinningY);
        Roi.Write(writer);
    }

    public static CameraInfo Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Height = reader.UInt32(),
        Width = reader.UInt32(),
        DistortionModel = reader.String(),
        D = reader.Float64Sequence(),
        K = reader.Float64Array(9),
        R = reader.Float64Array(9),
        P = reader.Float64Array(12),
        BinningX = reader.UInt32(),
        BinningY = reader.UInt32(),
        Roi = RegionOfInterest.Read(ref reader),
    };
}
