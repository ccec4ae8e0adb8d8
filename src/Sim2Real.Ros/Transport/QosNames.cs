using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// QoS profiles and policies by the names <c>ros2 topic</c> uses on its command line (and launch files in YAML).
/// Each parser takes where the text came from, so its error names the flag or field.
/// </summary>
public static class QosNames
{
    /// <summary>The named profiles: default, sensor_data, latched.</summary>
    public static IReadOnlyList<string> Profiles { get; } = ["default", "sensor_data", "latched"];

    public static QosProfile Profile(string name, string origin, string field)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "default" => QosProfile.Default,
            "sensor_data" => QosProfile.SensorData,
            "latched" => QosProfile.Latched,
            _ => throw new InvalidConfigException(origin, field, $"'{name}' is not {string.Join(", ", Profiles.Take(Profiles.Count - 1))} or {Profiles[^1]}"),
        };
    }

    public static Reliability Reliability(string text, string origin, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant() switch
        {
            "reliable" => Transport.Reliability.Reliable,
            "best_effort" or "best-effort" => Transport.Reliability.BestEffort,
            _ => throw new InvalidConfigException(origin, field, $"'{text}' is not reliable or best_effort"),
        };
    }

    public static Durability Durability(string text, string origin, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant() switch
        {
            "volatile" => Transport.Durability.Volatile,
            "transient_local" or "transient-local" => Transport.Durability.TransientLocal,
            _ => throw new InvalidConfigException(origin, field, $"'{text}' is not volatile or transient_local"),
        };
    }
}
