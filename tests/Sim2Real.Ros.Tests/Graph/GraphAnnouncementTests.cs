using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Graph;

public class GraphAnnouncementTests
{
    [Fact]
    public async Task A_node_announces_its_name_and_endpoint_gids_on_ros_discovery_info()
    {
        var prefix = RosTestEnvironment.UniquePrefix();
        using var observer = new RosNode(RosTestEnvironment.Options("observer"));
        using var node = new RosNode(RosTestEnvironment.Options(prefix + "_node"));
        using var publisher = node.CreatePublisher<Twist>($"/{prefix}/cmd_vel");
        using var subscription = node.CreateSubscription<JointState>($"/{prefix}/joint_states");
        var participant = Convert.ToHexString(node.ParticipantGid);

        // Latched (transient-local) announcements: the latest one per participant reaches a late observer.
        var info = await observer.ObserveGraph()
            .Where(i => Convert.ToHexString(i.Gid.Data[..16]) == participant)
            .Where(i => i.NodeEntitiesInfoSeq.Any(n => n.WriterGidSeq.Length == 1 && n.ReaderGidSeq.Length == 1))
            .FirstAsync().ToTask().WaitAsync(TimeSpan.FromSeconds(10));

        var announced = Assert.Single(info.NodeEntitiesInfoSeq);
        Assert.Equal(prefix + "_node", announced.NodeName);
        Assert.Equal("/", announced.NodeNamespace);
        Assert.Equal(24, info.Gid.Data.Length);
        Assert.All(info.Gid.Data[16..], b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task Another_participant_sees_the_ROS_2_enclave_in_this_nodes_USER_DATA()
    {
        using var node = new RosNode(RosTestEnvironment.Options("enclave_node"));
        using var observer = new RosNode(RosTestEnvironment.Options("observer"));
        var guid = Convert.ToHexString(node.ParticipantGid);

        var seen = await Eventually.FindAsync(() => observer.DiscoverParticipants().FirstOrDefault(p => Convert.ToHexString(p.Guid) == guid));

        Assert.NotNull(seen);
        Assert.Equal("enclave=/;", seen.UserData);
    }

    [Fact]
    public async Task Topic_discovery_sees_a_publisher_with_its_ROS_type_and_QoS()
    {
        var topic = "/" + RosTestEnvironment.UniquePrefix() + "/imu";
        using var a = new RosNode(RosTestEnvironment.Options("a"));
        using var b = new RosNode(RosTestEnvironment.Options("b"));
        using var publisher = a.CreatePublisher<Imu>(topic, QosProfile.SensorData);

        var found = await Eventually.FindAsync(() => b.DiscoverEndpoints().FirstOrDefault(e => e.Topic == topic));

        Assert.NotNull(found);
        Assert.True(found.IsPublisher);
        Assert.Equal("sensor_msgs/msg/Imu", found.TypeDisplay);
        Assert.Equal("rt" + topic, found.DdsTopic);
        Assert.Equal(Reliability.BestEffort, found.Qos.Reliability);
        Assert.Equal(5, found.Qos.Depth);
    }
}
