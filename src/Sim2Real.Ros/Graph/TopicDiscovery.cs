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
    private readonly DdsEntityHandle _participants;

    public TopicDiscovery(RosNode node)
    {
        _publications = node.Entities.Create("DCPSPublication", "builtin", "create built-in reader",
            () => DdsNative.dds_create_reader(node.Participant, DdsNative.DDS_BUILTIN_TOPIC_DCPSPUBLICATION, IntPtr.Zero, IntPtr.Zero));
        _subscriptions = node.Entities.Create("DCPSSubscription", "builtin", "create built-in reader",
            () => DdsNative.dds_create_reader(node.Participant, DdsNative.DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION, IntPtr.Zero, IntPtr.Zero));
        _participants = node.Entities.Create("DCPSParticipant", "builtin", "create built-in reader",
            () => DdsNative.dds_create_reader(node.Participant, DdsNative.DDS_BUILTIN_TOPIC_DCPSPARTICIPANT, IntPtr.Zero, IntPtr.Zero));
    }

    /// <summary>Live participants in the domain (this one included) with their USER_DATA.</summary>
    public IReadOnlyList<DiscoveredParticipant> Participants() =>
        [.. Lines(_participants, "DCPSParticipant", (r, b, c) => DdsNative.s2r_participants(r, b, c))
            .Select(line => line.Split('\t', 2))
            .Select(f => new DiscoveredParticipant(Convert.FromHexString(f[0]), f.Length > 1 ? f[1] : ""))];

    /// <summary>Live ROS endpoints (rt/ topics) known right now.</summary>
    public IReadOnlyList<DiscoveredEndpoint> Endpoints() =>
        [.. Read(_publications, isPublisher: true), .. Read(_subscriptions, isPublisher: false)];

    public void Dispose()
    {
        _publications.Dispose();
        _subscriptions.Dispose();
        _participants.Dispose();
    }

    private delegate int NativeReader(int reader, byte* buffer, int capacity);

    // The C side writes one line per live sample, reporting the size it needs when the buffer is too small.
    private static string[] Lines(DdsEntityHandle reader, string topic, NativeReader read)
    {
        var buffer = new byte[64 * 1024];
        int used;
        while (true)
        {
            fixed (byte* p = buffer)
            {
                used = read(reader.Entity, p, buffer.Length);
            }

            if (used < 0)
            {
                throw new RosTransportException(topic, "builtin", "read", used);
            }

            if (used <= buffer.Length)
            {
                break;
            }

            buffer = new byte[used];
        }

        return Encoding.UTF8.GetString(buffer, 0, used).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static List<DiscoveredEndpoint> Read(DdsEntityHandle reader, bool isPublisher)
    {
        var result = new List<DiscoveredEndpoint>();
        foreach (var line in Lines(reader, isPublisher ? "DCPSPublication" : "DCPSSubscription", (r, b, c) => DdsNative.s2r_endpoints(r, b, c)))
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
