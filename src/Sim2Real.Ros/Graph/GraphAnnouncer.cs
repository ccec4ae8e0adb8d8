using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.RmwDdsCommon;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Graph;

/// <summary>
/// Publishes this participant's nodes and their endpoints on the DDS topic <c>ros_discovery_info</c> (no rt/ prefix),
/// as rmw_dds_common::GraphCache does: reliable, transient-local, keep-last 1, re-sent whenever an endpoint comes or
/// goes. Gids are DDS GUIDs (16 bytes) zero-padded to Humble's 24.
/// </summary>
internal sealed class GraphAnnouncer : IDisposable
{
    public const string Topic = "ros_discovery_info";
    private readonly RosNode _node;
    private readonly RosPublisher<ParticipantEntitiesInfo> _publisher;
    private readonly Lock _gate = new();
    private bool _disposed;

    public GraphAnnouncer(RosNode node)
    {
        _node = node;
        // A publisher outside the node's graph: announcing it would announce the announcer.
        _publisher = new RosPublisher<ParticipantEntitiesInfo>(
            new TopicWriter(node, "/" + Topic, ParticipantEntitiesInfo.TypeName, QosProfile.Latched, Topic), _ => { });
        Announce();
    }

    /// <summary>The last announcement (for inspection and tests).</summary>
    public ParticipantEntitiesInfo? Last { get; private set; }

    public void Announce()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var (readers, writers) = _node.EndpointGids();
            var info = new ParticipantEntitiesInfo
            {
                Gid = ToGid(_node.ParticipantGid),
                NodeEntitiesInfoSeq =
                [
                    new NodeEntitiesInfo
                    {
                        NodeNamespace = _node.Options.Namespace,
                        NodeName = _node.Options.NodeName,
                        ReaderGidSeq = [.. readers.Select(ToGid)],
                        WriterGidSeq = [.. writers.Select(ToGid)],
                    },
                ],
            };
            _publisher.Publish(info);
            Last = info;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _publisher.Dispose();
        }
    }

    private static Gid ToGid(byte[] guid)
    {
        var data = new byte[24];
        guid.AsSpan(0, Math.Min(guid.Length, 24)).CopyTo(data);
        return new Gid { Data = data };
    }
}
