using Sim2Real.Core;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Tests;

public class OfferedQosProfilesTests
{
    [Fact]
    public void Profiles_are_written_as_rosbag2_humble_writes_them()
    {
        var yaml = OfferedQosProfiles.Format([QosProfile.Default]);

        Assert.Equal(
            "- history: 1\n  depth: 10\n  reliability: 1\n  durability: 2\n" +
            "  deadline:\n    sec: 9223372036\n    nsec: 854775807\n" +
            "  lifespan:\n    sec: 9223372036\n    nsec: 854775807\n" +
            "  liveliness: 1\n" +
            "  liveliness_lease_duration:\n    sec: 9223372036\n    nsec: 854775807\n" +
            "  avoid_ros_namespace_conventions: false",
            yaml);
    }

    [Fact]
    public void Profiles_read_back_as_written()
    {
        QosProfile[] offered = [QosProfile.SensorData, QosProfile.Latched, new(Reliability.Reliable, Durability.Volatile, History.KeepAll, 0)];

        var parsed = OfferedQosProfiles.Parse(OfferedQosProfiles.Format(offered), "/topic");

        Assert.Equal(offered, parsed);
    }

    [Fact]
    public void No_publishers_is_an_empty_list()
    {
        Assert.Empty(OfferedQosProfiles.Parse(OfferedQosProfiles.Format([]), "/topic"));
    }

    [Fact]
    public void A_malformed_profile_names_the_channel_and_the_policy()
    {
        var e = Assert.Throws<InvalidConfigException>(() => OfferedQosProfiles.Parse("- history: 1\n  depth: ten\n  reliability: 1\n  durability: 2", "/joint_states"));

        Assert.Contains("/joint_states: offered_qos_profiles.depth", e.Message, StringComparison.Ordinal);
    }
}
