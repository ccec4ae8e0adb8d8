using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/TransformStamped: The transform of child_frame_id relative to header.frame_id at header.stamp (what tf2 carries).</summary>
public sealed record TransformStamped : IRosMessage<TransformStamped>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "TransformStamped");

    public Header Header { get; init; } = new();

    public string ChildFrameId { get; init; } = "";

    public Transform Transform { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.String(ChildFrameId);
        Transform.Write(writer);
    }

    public static TransformStamped Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        ChildFrameId = reader.String(),
        Transform = Transform.Read(ref reader),
    };
}
