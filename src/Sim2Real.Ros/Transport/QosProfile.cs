using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>A ROS 2 QoS profile: the four policies rclcpp exposes, with ROS 2's named presets.</summary>
public sealed record QosProfile(Reliability Reliability, Durability Durability, History History, int Depth)
{
    /// <summary>rmw_qos_profile_default: KEEP_LAST 10, RELIABLE, VOLATILE.</summary>
    public static QosProfile Default { get; } = new(Reliability.Reliable, Durability.Volatile, History.KeepLast, 10);

    /// <summary>rmw_qos_profile_sensor_data: KEEP_LAST 5, BEST_EFFORT, VOLATILE.</summary>
    public static QosProfile SensorData { get; } = new(Reliability.BestEffort, Durability.Volatile, History.KeepLast, 5);

    /// <summary>A latched topic (static data such as camera_info or robot_description): late joiners get the last sample.</summary>
    public static QosProfile Latched { get; } = new(Reliability.Reliable, Durability.TransientLocal, History.KeepLast, 1);

    public QosProfile WithDepth(int depth) => this with { History = History.KeepLast, Depth = depth };

    public QosProfile WithReliability(Reliability reliability) => this with { Reliability = reliability };

    public QosProfile WithDurability(Durability durability) => this with { Durability = durability };

    /// <summary>This profile with each policy that is given replaced (a named profile, then per-policy overrides).</summary>
    public QosProfile With(Reliability? reliability = null, Durability? durability = null, int? depth = null)
    {
        var qos = this;
        if (reliability is { } r)
        {
            qos = qos.WithReliability(r);
        }

        if (durability is { } d)
        {
            qos = qos.WithDurability(d);
        }

        return depth is { } n ? qos.WithDepth(n) : qos;
    }

    /// <summary>Throws when the profile cannot be applied; <paramref name="topic"/> names where it was asked for.</summary>
    public void Validate(string topic)
    {
        if (History == History.KeepLast && Depth < 1)
        {
            throw new InvalidConfigException(topic, "qos.depth", $"KEEP_LAST needs a depth of at least 1, got {Depth}");
        }

        if (!Enum.IsDefined(Reliability) || !Enum.IsDefined(Durability) || !Enum.IsDefined(History))
        {
            throw new InvalidConfigException(topic, "qos", $"unknown policy value in {this}");
        }
    }

    public override string ToString() =>
        $"{(History == History.KeepLast ? $"KEEP_LAST {Depth}" : "KEEP_ALL")} {(Reliability == Reliability.Reliable ? "RELIABLE" : "BEST_EFFORT")} {(Durability == Durability.Volatile ? "VOLATILE" : "TRANSIENT_LOCAL")}";
}
