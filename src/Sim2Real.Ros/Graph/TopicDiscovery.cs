using System.Text;
using Sim2Real.Ros.Interop;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Graph;

/// <summary>Readers of Cyclone's DCPSPublication / DCPSSubscription built-in topics, which is how ros2 topic list finds topics.</summary>
internal sealed unsafe class TopicDiscovery : IDisposable
{
    private readonly DdsEntityHandle _publications;
    private readonly DdsEntityHandle _subscriptions;

    public TopicDiscovery(RosNode node)
    {
        _publications = node.Entities.Create("DCPSPublication", "builtin", "create built-in reader",
            () => DdsNative.dds_create_reader(node.Participant, DdsNative.DDS_BUILTIN_TOPIC_DCPSPUBLICATION, IntPtr.Zero, IntPtr.Zero));
        _subscriptions = node.Entities.Create("DCPSSubscription", "builtin", "create built-in reader",
            () => DdsNative.dds_create_reader(node.Participant, DdsNative.DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION, IntPtr.Zero, IntPtr.Zero));
    }

    /// <summary>Live ROS endpoints (rt/ topics) known right now.</summary>
    public IReadOnlyList<DiscoveredEndpoint> Endpoints() =>
        [.. Read(_publications, isPublisher: true), .. Read(_subscriptions, isPublisher: false)];

    public void Dispose()
    {
        _publications.Dispose();
        _subscriptions.Dispose();
    }

    private static List<DiscoveredEndpoint> Read(DdsEntityHandle reader, bool isPublisher)
    {
        var buffer = new byte[64 * 1024];
        int used;
        while (true)
        {
            fixed (byte* p = buffer)
            {
                used = DdsNative.s2r_endpoints(reader.Entity, p, buffer.Length);
            }

            if (used < 0)
            {
                throw new RosTransportException(isPublisher ? "DCPSPublication" : "DCPSSubscription", "builtin", "read", used);
            }

            if (used <= buffer.Length)
            {
                break;
            }

            buffer = new byte[used];
        }

        var result = new List<DiscoveredEndpoint>();
        foreach (var line in Encoding.UTF8.GetString(buffer, 0, used).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            var ros = TopicName.FromDds(f[0]);
            if (ros is null || f.Length < 5)
            {
                continue; // not a ROS topic (DDS-internal or foreign)
            }

            var depth = int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture);
            var qos = new QosProfile((Reliability)int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                (Durability)Math.Min(int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), 1),
                depth < 0 ? History.KeepAll : History.KeepLast, Math.Max(depth, 0));
            result.Add(new DiscoveredEndpoint(ros, f[0], f[1], RosTypeName.FromDds(f[1]), isPublisher, qos));
        }

        return result;
    }
}
