using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.GeometryMsgs;

namespace Sim2Real.Ros.Messages.Tf2Msgs;

/// <summary>tf2_msgs/msg/TFMessage: The transforms published together on /tf or /tf_static.</summary>
public sealed record TFMessage : IRosMessage<TFMessage>
{
    public static RosTypeName TypeName { get; } = new("tf2_msgs", "TFMessage");

    public TransformStamped[] Transforms { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Sequence(Transforms);
    }

    public static TFMessage Read(ref CdrReader reader) => new()
    {
        Transforms = reader.Sequence<TransformStamped>(),
    };
}
