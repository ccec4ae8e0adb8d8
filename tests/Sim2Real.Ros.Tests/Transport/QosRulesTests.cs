using Sim2Real.Core;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

/// <summary>The compatible-QoS rule of ros2 topic echo and QoS by name (no DDS needed).</summary>
public class QosRulesTests
{
    [Fact]
    public void A_subscription_follows_publishers_that_are_all_reliable_and_latched()
    {
        var qos = SubscriptionQos.For([Publisher(QosProfile.Latched), Publisher(QosProfile.Latched.WithDepth(5))]);

        Assert.Equal((Reliability.Reliable, Durability.TransientLocal), (qos.Reliability, qos.Durability));
    }

    [Fact]
    public void One_best_effort_publisher_makes_the_subscription_best_effort_so_that_it_still_matches()
    {
        var qos = SubscriptionQos.For([Publisher(QosProfile.Default), Publisher(QosProfile.SensorData)]);

        Assert.Equal((Reliability.BestEffort, Durability.Volatile), (qos.Reliability, qos.Durability));
    }

    [Fact]
    public void Explicit_policies_win_and_no_publisher_means_the_ROS_default()
    {
        Assert.Equal(QosProfile.Default, SubscriptionQos.For([]));
        Assert.Equal(Reliability.Reliable, SubscriptionQos.For([Publisher(QosProfile.SensorData)], reliability: Reliability.Reliable).Reliability);
    }

    [Fact]
    public void Named_profiles_and_policies_parse_and_overrides_apply_in_order()
    {
        var qos = QosNames.Profile("sensor_data", "launch.yaml", "qos.profile")
            .With(QosNames.Reliability("reliable", "launch.yaml", "qos.reliability"), QosNames.Durability("transient_local", "launch.yaml", "qos.durability"), 3);

        Assert.Equal(new QosProfile(Reliability.Reliable, Durability.TransientLocal, History.KeepLast, 3), qos);
    }

    [Fact]
    public void An_unknown_name_is_refused_naming_where_it_came_from()
    {
        var e = Assert.Throws<InvalidConfigException>(() => QosNames.Reliability("sometimes", "command line", "--qos-reliability"));

        Assert.Equal("command line: --qos-reliability: 'sometimes' is not reliable or best_effort", e.Message);
        Assert.Throws<InvalidConfigException>(() => QosNames.Profile("fast", "command line", "--qos-profile"));
        Assert.Throws<InvalidConfigException>(() => QosNames.Durability("forever", "command line", "--qos-durability"));
    }

    private static DiscoveredEndpoint Publisher(QosProfile qos) =>
        new("/cmd_vel", "rt/cmd_vel", Twist.TypeName.Dds, Twist.TypeName, IsPublisher: true, qos);
}
