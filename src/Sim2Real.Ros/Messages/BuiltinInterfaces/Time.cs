using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.BuiltinInterfaces;

/// <summary>builtin_interfaces/msg/Time: A point in time: seconds and nanoseconds since the epoch (ROS time).</summary>
public sealed record Time : IRosMessage<Time>
{
    public static RosTypeName TypeName { get; } = new("builtin_interfaces", "Time");

    public int Sec { get; init; }

    public uint Nanosec { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Int32(Sec);
        writer.UInt32(Nanosec);
    }

    public static Time Read(ref CdrReader reader) => new()
    {
        Sec = reader.Int32(),
        Nanosec = reader.UInt32(),
    };
}
