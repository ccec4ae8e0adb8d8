using Sim2Real.Core;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// One topic of a launch file: <c>{ topic: /joint_states, qos: default }</c>, optionally overriding single QoS
/// policies (<c>reliability</c>, <c>durability</c>, <c>depth</c>) as rclcpp's QoS overrides do.
/// </summary>
public sealed record TopicSpec
{
    public string? Topic { get; init; }

    /// <summary>default, sensor_data, latched or clock (rclcpp's ClockQoS).</summary>
    public string? Qos { get; init; }

    /// <summary>reliable or best_effort.</summary>
    public string? Reliability { get; init; }

    /// <summary>volatile or transient_local.</summary>
    public string? Durability { get; init; }

    public int? Depth { get; init; }

    /// <summary>This entry over <paramref name="fallback"/> (docs/messages.md's name and QoS for the topic).</summary>
    /// <exception cref="InvalidConfigException">Names the file and the field.</exception>
    public static TopicEndpoint Resolve(TopicSpec? spec, TopicEndpoint fallback, string source, string field)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (spec is null)
        {
            return fallback;
        }

        string name;
        try
        {
            name = TopicName.Resolve(spec.Topic ?? fallback.Name);
        }
        catch (InvalidConfigException e)
        {
            throw new InvalidConfigException(source, $"{field}.topic", $"'{spec.Topic}': {e.Problem}", e);
        }

        var qos = spec.Qos is null ? fallback.Qos : LaunchQos.Profile(spec.Qos, source, $"{field}.qos");
        if (spec.Reliability is { } reliability)
        {
            qos = qos.WithReliability(LaunchQos.Reliability(reliability, source, $"{field}.reliability"));
        }

        if (spec.Durability is { } durability)
        {
            qos = qos.WithDurability(LaunchQos.Durability(durability, source, $"{field}.durability"));
        }

        if (spec.Depth is { } depth)
        {
            if (depth < 1)
            {
                throw new InvalidConfigException(source, $"{field}.depth", $"must be at least 1, got {depth}");
            }

            qos = qos.WithDepth(depth);
        }

        return new TopicEndpoint(name, qos);
    }
}
