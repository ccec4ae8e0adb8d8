using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/TwistWithCovariance: A velocity with its row-major 6x6 covariance (x, y, z, rotation about X, Y, Z).</summary>
public sealed record TwistWithCovariance : IRosMessage<TwistWithCovariance>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "TwistWithCovariance");

    public Twist Twist { get; init; } = new();

    [RosFixedLength(36)]
    public double[] Covariance { get; init; } = new double[36];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Twist.Write(writer);
        writer.Float64Array(Covariance, 36, "covariance");
    }

    public static TwistWithCovariance Read(ref CdrReader reader) => new()
    {
        Twist = Twist.Read(ref reader),
        Covariance = reader.Float64Array(36),
    };
}
