using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/Point: A position in free space.</summary>
public sealed record Point : IRosMessage<Point>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "Point");

    public double X { get; init; }

    public double Y { get; init; }

    public double Z { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Float64(X);
        writer.Float64(Y);
        writer.Float64(Z);
    }

    public static Point Read(ref CdrReader reader) => new()
    {
        X = reader.Float64(),
        Y = reader.Float64(),
        Z = reader.Float64(),
    };
}
