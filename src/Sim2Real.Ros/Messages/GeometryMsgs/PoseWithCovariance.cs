using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/PoseWithCovariance: A pose with its row-major 6x6 covariance (x, y, z, rotation about X, Y, Z).</summary>
public sealed record PoseWithCovariance : IRosMessage<PoseWithCovariance>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "PoseWithCovariance");

    public Pose Pose { get; init; } = new();

    [RosFixedLength(36)]
    public double[] Covariance { get; init; } = new double[36];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Pose.Write(writer);
        writer.Float64Array(Covariance, 36, "covariance");
    }

    public static PoseWithCovariance Read(ref CdrReader reader) => new()
    {
        Pose = Pose.Read(ref reader),
        Covariance = reader.Float64Array(36),
    };
}
