using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.RmwDdsCommon;

/// <summary>rmw_dds_common/msg/ParticipantEntitiesInfo: The nodes of a DDS participant, published on ros_discovery_info.</summary>
public sealed record ParticipantEntitiesInfo : IRosMessage<ParticipantEntitiesInfo>
{
    public static RosTypeName TypeName { get; } = new("rmw_dds_common", "ParticipantEntitiesInfo");

    public Gid Gid { get; init; } = new();

    public NodeEntitiesInfo[] NodeEntitiesInfoSeq { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Gid.Write(writer);
        writer.Sequence(NodeEntitiesInfoSeq);
    }

    public static ParticipantEntitiesInfo Read(ref CdrReader reader) => new()
    {
        Gid = Gid.Read(ref reader),
        NodeEntitiesInfoSeq = reader.Sequence<NodeEntitiesInfo>(),
    };
}
