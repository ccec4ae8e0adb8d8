using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.NavMsgs;

/// <summary>nav_msgs/msg/Odometry: An estimated pose (in header.frame_id) and velocity (in child_frame_id), with covariances.</summary>
public sealed record Odometry : IRosMessage<Odometry>
{
    public static RosTypeName TypeName { get; } = new("nav_msgs", "Odometry");

    public Header Header { get; init; } = new();

    public string ChildFrameId { get; init; } = "";

    public PoseWithCovariance Pose { get; init; } = new();

    public TwistWithCovariance Twist { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.String(ChildFrameId);
        Pose.Write(writer);
        Twist.Write(writer);
    }

    public static Odometry Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        ChildFrameId = reader.String(),
        Pose = PoseWithCovariance.Read(ref reader),
        Twist = TwistWithCovariance.Read(ref reader),
    };
}
