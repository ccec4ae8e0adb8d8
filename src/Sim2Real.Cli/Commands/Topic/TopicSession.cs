using Sim2Real.Core;
using Sim2Real.Native;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary>What every topic verb shares: a node from the environment and the graph lookups ros2 topic does.</summary>
internal static class TopicSession
{
    /// <summary>
    /// Runs a verb: errors the user can act on (bad topic, type, YAML, QoS, network config, missing engine) print as one
    /// line naming what is wrong and exit 1; Ctrl+C ends quietly with 130, as a shell expects.
    /// </summary>
    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e) when (e is InvalidConfigException or RosTransportException or NativeLibraryMissingException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    public static RosNode OpenNode(string name) =>
        new(RosOptions.FromEnvironment($"{name}_{Environment.ProcessId}"));

    /// <summary>
    /// The type of <paramref name="topic"/>: <paramref name="requested"/> when given (checked against live publishers),
    /// otherwise the type its publishers announce, waiting up to <paramref name="wait"/> for one to appear.
    /// </summary>
    public static async Task<(RosMessageType Type, IReadOnlyList<DiscoveredEndpoint> Publishers)> ResolveTypeAsync(
        RosNode node, string topic, string? requested, TimeSpan wait, CancellationToken cancellationToken)
    {
        var name = TopicName.Resolve(topic);
        // With an explicit type, discovery still gets a moment: a publisher of another type must be caught.
        var deadline = DateTime.UtcNow + (requested is null ? wait : TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, 1)));
        IReadOnlyList<DiscoveredEndpoint> publishers;
        while (true)
        {
            publishers = [.. node.DiscoverEndpoints().Where(e => e.IsPublisher && e.Topic == name)];
            if (publishers.Count > 0 || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        if (requested is not null)
        {
            var type = RosMessageTypes.Get(RosTypeName.Parse(requested));
            var other = publishers.FirstOrDefault(p => p.DdsType != type.Name.Dds);
            if (other is not null)
            {
                throw new InvalidConfigException(name, "--type", $"the topic is published as {other.TypeDisplay}, not {type.Name}");
            }

            return (type, publishers);
        }

        if (publishers.Count == 0)
        {
            throw new InvalidConfigException(name, "topic", $"no publisher found within {wait.TotalSeconds:0.#} s, so the type is unknown: pass --type pkg/msg/Type");
        }

        var types = publishers.Select(p => p.DdsType).Distinct().ToList();
        if (types.Count > 1)
        {
            throw new InvalidConfigException(name, "topic", $"published with several types ({string.Join(", ", publishers.Select(p => p.TypeDisplay).Distinct())}): pass --type");
        }

        var ros = publishers[0].Type
            ?? throw new InvalidConfigException(name, "topic", $"DDS type {types[0]} is not a ROS 2 message type");
        return (RosMessageTypes.Get(ros), publishers);
    }

    /// <summary>A subscription QoS every current publisher can serve, as ros2 topic echo picks it.</summary>
    public static QosProfile CompatibleQos(IReadOnlyList<DiscoveredEndpoint> publishers, string? reliability, string? durability)
    {
        var allReliable = publishers.Count > 0 && publishers.All(p => p.Qos.Reliability == Reliability.Reliable);
        var allLatched = publishers.Count > 0 && publishers.All(p => p.Qos.Durability == Durability.TransientLocal);
        var qos = QosProfile.Default
            .WithReliability(reliability is null ? (allReliable || publishers.Count == 0 ? Reliability.Reliable : Reliability.BestEffort) : ParseReliability(reliability))
            .WithDurability(durability is null ? (allLatched ? Durability.TransientLocal : Durability.Volatile) : ParseDurability(durability));
        return qos;
    }

    public static Reliability ParseReliability(string text) => text.ToLowerInvariant() switch
    {
        "reliable" => Reliability.Reliable,
        "best_effort" or "best-effort" => Reliability.BestEffort,
        _ => throw new InvalidConfigException("command line", "--qos-reliability", $"'{text}' is not reliable or best_effort"),
    };

    public static Durability ParseDurability(string text) => text.ToLowerInvariant() switch
    {
        "volatile" => Durability.Volatile,
        "transient_local" or "transient-local" => Durability.TransientLocal,
        _ => throw new InvalidConfigException("command line", "--qos-durability", $"'{text}' is not volatile or transient_local"),
    };

    /// <summary>The QoS a publisher asked for on the command line: a named profile, then per-policy overrides.</summary>
    public static QosProfile PublisherQos(string profile, string? reliability, string? durability, int? depth)
    {
        var qos = profile.ToLowerInvariant() switch
        {
            "default" => QosProfile.Default,
            "sensor_data" => QosProfile.SensorData,
            "latched" => QosProfile.Latched,
            _ => throw new InvalidConfigException("command line", "--qos-profile", $"'{profile}' is not default, sensor_data or latched"),
        };
        if (reliability is not null)
        {
            qos = qos.WithReliability(ParseReliability(reliability));
        }

        if (durability is not null)
        {
            qos = qos.WithDurability(ParseDurability(durability));
        }

        if (depth is not null)
        {
            qos = qos.WithDepth(depth.Value);
        }

        return qos;
    }
}
