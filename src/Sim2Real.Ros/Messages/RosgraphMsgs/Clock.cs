using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.BuiltinInterfaces;

namespace Sim2Real.Ros.Messages.RosgraphMsgs;

/// <summary>rosgraph_msgs/msg/Clock: The current time on /clock, which nodes with use_sim_time follow.</summary>
public sealed record Clock : IRosMessage<Clock>
{
    public static RosTypeName TypeName { get; } = new("rosgraph_msgs", "Clock");

    /// <summary>The .msg field <c>clock</c> (a C# member cannot share its type's name).</summary>
    [RosFieldName("clock")]
    public Time Time { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Time.Write(writer);
    }

    public static Clock Read(ref CdrReader reader) => new()
    {
        Time = Time.Read(ref reader),
    };
}
