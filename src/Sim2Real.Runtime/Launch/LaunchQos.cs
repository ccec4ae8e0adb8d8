using Sim2Real.Core;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// QoS by the names launch files use (ros2's profile and policy names). The profile names match <c>topic pub
/// --qos-profile</c>; <c>clock</c> is rclcpp's ClockQoS (KEEP_LAST 1, BEST_EFFORT, VOLATILE), which /clock uses.
/// </summary>
internal static class LaunchQos
{
    public static QosProfile Clock { get; } = new(Ros.Transport.Reliability.BestEffort, Ros.Transport.Durability.Volatile, History.KeepLast, 1);

    public static QosProfile Profile(string name, string source, string field) => name switch
    {
        "default" => QosProfile.Default,
        "sensor_data" => QosProfile.SensorData,
        "latched" => QosProfile.Latched,
        "clock" => Clock,
        _ => throw new InvalidConfigException(source, field, $"'{name}' is not default, sensor_data, latched or clock"),
    };

    public static Ros.Transport.Reliability Reliability(string text, string source, string field) => text switch
    {
        "reliable" => Ros.Transport.Reliability.Reliable,
        "best_effort" => Ros.Transport.Reliability.BestEffort,
        _ => throw new InvalidConfigException(source, field, $"'{text}' is not reliable or best_effort"),
    };

    public static Ros.Transport.Durability Durability(string text, string source, string field) => text switch
    {
        "volatile" => Ros.Transport.Durability.Volatile,
        "transient_local" => Ros.Transport.Durability.TransientLocal,
        _ => throw new InvalidConfigException(source, field, $"'{text}' is not volatile or transient_local"),
    };
}
