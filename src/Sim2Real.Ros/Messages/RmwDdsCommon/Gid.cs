using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.RmwDdsCommon;

/// <summary>rmw_dds_common/msg/Gid: A DDS entity id as ROS 2 graph discovery carries it (24 bytes, Humble).</summary>
public sealed record Gid : IRosMessage<Gid>
{
    public static RosTypeName TypeName { get; } = new("rmw_dds_common", "Gid");

    [RosFixedLength(24)]
    public byte[] Data { get; init; } = new byte[24];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.FixedBytes(Data, 24, "data");
    }

    public static Gid Read(ref CdrReader reader) => new()
    {
        Data = reader.FixedBytes(24),
    };
}
