using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.BuiltinInterfaces;

/// <summary>builtin_interfaces/msg/Duration: A signed span of time.</summary>
public sealed record Duration : IRosMessage<Duration>
{
    public static RosTypeName TypeName { get; } = new("builtin_interfaces", "Duration");

    public int Sec { get; init; }

    public uint Nanosec { get; init; }

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Int32(Sec);
        writer.UInt32(Nanosec);
    }

    public static Duration Read(ref CdrReader reader) => new()
    {
        Sec = reader.Int32(),
        Nanosec = reader.UInt32(),
    };
}
