using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.RmwDdsCommon;

namespace Sim2Real.Ros.Graph;

/// <summary>The rmw_dds_common types ROS 2 uses to describe its graph; not user-facing, so not in RosMessageTypes.</summary>
internal static class GraphTypes
{
    public static IReadOnlyList<RosMessageType> All { get; } =
    [
        RosMessageType<Gid>.Instance,
        RosMessageType<NodeEntitiesInfo>.Instance,
        RosMessageType<ParticipantEntitiesInfo>.Instance,
    ];

    public static RosMessageType? Find(RosTypeName name) => All.FirstOrDefault(t => t.Name == name);
}
