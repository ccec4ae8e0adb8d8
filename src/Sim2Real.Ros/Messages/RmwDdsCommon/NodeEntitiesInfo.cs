using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.RmwDdsCommon;

/// <summary>rmw_dds_common/msg/NodeEntitiesInfo: A node and the readers and writers it owns.</summary>
public sealed record NodeEntitiesInfo : IRosMessage<NodeEntitiesInfo>
{
    public static RosTypeName TypeName { get; } = new("rmw_dds_common", "NodeEntitiesInfo");

    public string NodeNamespace { get; init; } = "";

    public string NodeName { get; init; } = "";

    public Gid[] ReaderGidSeq { get; init; } = [];

    public Gid[] WriterGidSeq { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.String(NodeNamespace);
        writer.String(NodeName);
        writer.Sequence(ReaderGidSeq);
        writer.Sequence(WriterGidSeq);
    }

    public static NodeEntitiesInfo Read(ref CdrReader reader) => new()
    {
        NodeNamespace = reader.String(),
        NodeName = reader.String(),
        ReaderGidSeq = reader.Sequence<Gid>(),
        WriterGidSeq = reader.Sequence<Gid>(),
    };
}
