namespace Sim2Real.Runtime.Launch;

/// <summary>
/// A launch file's <c>topics:</c>. Every entry is optional: an omitted one takes the name and QoS docs/messages.md
/// plans for it (<see cref="DeploymentTopics"/>), as a ROS node's topics have defaults that remapping changes.
/// </summary>
public sealed record TopicsSection
{
    public TopicSpec? JointStates { get; init; }

    public TopicSpec? Commands { get; init; }

    public TopicSpec? PdGains { get; init; }

    /// <summary>The task command: /target (geometry_msgs/PointStamped) for a reach policy, /cmd_vel (geometry_msgs/Twist) for a walking one.</summary>
    public TopicSpec? TaskCommand { get; init; }

    public TopicSpec? Odometry { get; init; }

    public TopicSpec? FootContacts { get; init; }

    public TopicSpec? Clock { get; init; }

    public TopicSpec? EStop { get; init; }

    public TopicSpec? EStopReset { get; init; }

    public TopicSpec? Diagnostics { get; init; }

    public TopicSpec? WatchdogEvents { get; init; }

    public TopicSpec? PolicyTick { get; init; }

    public TopicSpec? SimReset { get; init; }

    public TopicSpec? TaskMetrics { get; init; }
}
