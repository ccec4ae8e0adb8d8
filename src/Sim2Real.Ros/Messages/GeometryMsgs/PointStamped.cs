using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/PointStamped: A point with its frame and time.</summary>
public sealed record PointStamped : IRosMessage<PointStamped>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "PointStamped");

    public Header Header { get; init; } = new();

    public Point Point { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        Point.Write(writer);
    }

    public static PointStamped Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Point = Point.Read(ref reader),
    };
}
