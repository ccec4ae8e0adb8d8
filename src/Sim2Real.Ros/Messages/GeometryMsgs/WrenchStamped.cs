using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/WrenchStamped: A wrench with its frame and time.</summary>
public sealed record WrenchStamped : IRosMessage<WrenchStamped>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "WrenchStamped");

    public Header Header { get; init; } = new();

    public Wrench Wrench { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        Wrench.Write(writer);
    }

    public static WrenchStamped Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Wrench = Wrench.Read(ref reader),
    };
}
