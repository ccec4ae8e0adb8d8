using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Ros.Transport;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Mcap.Ros2;

/// <summary>
/// The <c>offered_qos_profiles</c> channel metadata as rosbag2 (Humble) writes it: a YAML list with one entry per
/// publisher, rmw enum values as integers (history 1 keep_last / 2 keep_all; reliability 1 reliable /
/// 2 best_effort; durability 1 transient_local / 2 volatile; liveliness 1 automatic) and durations as sec/nsec.
/// </summary>
public static class OfferedQosProfiles
{
    // RMW_DURATION_INFINITE split as rosbag2 splits it: what Cyclone offers for deadline, lifespan and lease.
    private const long InfiniteSec = 9223372036;
    private const long InfiniteNsec = 854775807;

    /// <summary>The YAML text, as yaml-cpp's Dump writes it (no trailing newline).</summary>
    public static string Format(IEnumerable<QosProfile> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var lines = new List<string>();
        foreach (var qos in offered)
        {
            lines.Add($"- history: {History(qos.History)}");
            lines.Add($"  depth: {(qos.History == Ros.Transport.History.KeepLast ? qos.Depth : 0).ToString(CultureInfo.InvariantCulture)}");
            lines.Add($"  reliability: {(qos.Reliability == Reliability.Reliable ? 1 : 2)}");
            lines.Add($"  durability: {(qos.Durability == Durability.TransientLocal ? 1 : 2)}");
            AddDuration(lines, "deadline");
            AddDuration(lines, "lifespan");
            lines.Add("  liveliness: 1");
            AddDuration(lines, "liveliness_lease_duration");
            lines.Add("  avoid_ros_namespace_conventions: false");
        }

        return lines.Count == 0 ? "[]" : string.Join('\n', lines);
    }

    /// <summary>Reads the profiles back (history, depth, reliability, durability); <paramref name="source"/> names the channel.</summary>
    /// <exception cref="InvalidConfigException">The text is not such a list.</exception>
    public static IReadOnlyList<QosProfile> Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidConfigException(source, Ros2Profile.OfferedQosProfilesKey, e.Message, e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new InvalidConfigException(source, Ros2Profile.OfferedQosProfilesKey, "expected a YAML list of QoS profiles");
        }

        var profiles = new List<QosProfile>();
        foreach (var item in list)
        {
            if (item is not YamlMappingNode map)
            {
                throw new InvalidConfigException(source, Ros2Profile.OfferedQosProfilesKey, "each entry must be a mapping of QoS policies");
            }

            var history = Int(map, "history", source) == 2 ? Ros.Transport.History.KeepAll : Ros.Transport.History.KeepLast;
            profiles.Add(new QosProfile(
                Int(map, "reliability", source) == 2 ? Reliability.BestEffort : Reliability.Reliable,
                Int(map, "durability", source) == 1 ? Durability.TransientLocal : Durability.Volatile,
                history,
                Int(map, "depth", source)));
        }

        return profiles;
    }

    private static int History(History history) => history == Ros.Transport.History.KeepAll ? 2 : 1;

    private static void AddDuration(List<string> lines, string name)
    {
        lines.Add($"  {name}:");
        lines.Add($"    sec: {InfiniteSec.ToString(CultureInfo.InvariantCulture)}");
        lines.Add($"    nsec: {InfiniteNsec.ToString(CultureInfo.InvariantCulture)}");
    }

    private static int Int(YamlMappingNode map, string key, string source)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlScalarNode { Value: { } text }
            || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidConfigException(source, $"{Ros2Profile.OfferedQosProfilesKey}.{key}", "missing or not an integer");
        }

        return value;
    }
}
