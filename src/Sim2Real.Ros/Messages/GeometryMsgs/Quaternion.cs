using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/Quaternion: An orientation as a quaternion; defaults to the identity (w = 1) as in ROS 2.</summary>
public sealed record Quaternion : IRosMessage<Quaternion>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "Quaternion");

    public double X { get; init; }

    public double Y { get; init; }

    public double Z { get; init; }

    public double W { get; init; } = 1.0;

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Float64(X);
        writer.Float64(Y);
        writer.Float64(Z);
        writer.Float64(W);
    }

    public static Quaternion Read(ref CdrReader reader) => new()
    {
        X = reader.Float64(),
        Y = reader.Float64(),
        Z = reader.Float64(),
        W = reader.Float64(),
    };
}
