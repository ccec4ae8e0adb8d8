using Sim2Real.Ros.Transport;

namespace Sim2Real.Runtime.Launch;

/// <summary>Every topic the runtime speaks, resolved: the launch file's entries over docs/messages.md's plan.</summary>
public sealed record DeploymentTopics
{
    public required TopicEndpoint JointStates { get; init; }

    public required TopicEndpoint Commands { get; init; }

    public required TopicEndpoint PdGains { get; init; }

    /// <summary>
    /// The launch file's task command entry, resolved once the policy says which command it reads (see
    /// <see cref="TaskCommand"/>); null takes the defaults.
    /// </summary>
    public TopicSpec? TaskCommandSpec { get; init; }

    /// <summary>Where the file was read from, for errors about the task command entry.</summary>
    public required string Source { get; init; }

    public required TopicEndpoint Odometry { get; init; }

    public required TopicEndpoint FootContacts { get; init; }

    public required TopicEndpoint Clock { get; init; }

    public required TopicEndpoint EStop { get; init; }

    public required TopicEndpoint EStopReset { get; init; }

    public required TopicEndpoint Diagnostics { get; init; }

    public required TopicEndpoint WatchdogEvents { get; init; }

    public required TopicEndpoint PolicyTick { get; init; }

    public required TopicEndpoint SimReset { get; init; }

    public required TopicEndpoint TaskMetrics { get; init; }

    /// <summary>/target: latched, as sim serve publishes it at each episode start.</summary>
    public static TopicEndpoint DefaultTarget { get; } = new("/target", QosProfile.Latched);

    /// <summary>/cmd_vel: a teleop's or planner's stream.</summary>
    public static TopicEndpoint DefaultVelocityCommand { get; } = new("/cmd_vel", QosProfile.Default);

    /// <summary>The command line's <c>--ros-args</c> remaps, applied to every name (the task command's too).</summary>
    public Func<string, string> Remap { get; init; } = name => name;

    /// <summary>The task command topic for a policy that reads a reach target (true) or a velocity command (false).</summary>
    public TopicEndpoint TaskCommand(bool target)
    {
        var topic = TopicSpec.Resolve(TaskCommandSpec, target ? DefaultTarget : DefaultVelocityCommand, Source, "topics.task_command");
        return topic with { Name = Remap(topic.Name) };
    }

    /// <summary>Every topic renamed by <paramref name="remap"/> (ROS's <c>-r from:=to</c>).</summary>
    public DeploymentTopics RemappedBy(Func<string, string> remap)
    {
        ArgumentNullException.ThrowIfNull(remap);
        TopicEndpoint R(TopicEndpoint e) => e with { Name = remap(e.Name) };
        return this with
        {
            JointStates = R(JointStates),
            Commands = R(Commands),
            PdGains = R(PdGains),
            Odometry = R(Odometry),
            FootContacts = R(FootContacts),
            Clock = R(Clock),
            EStop = R(EStop),
            EStopReset = R(EStopReset),
            Diagnostics = R(Diagnostics),
            WatchdogEvents = R(WatchdogEvents),
            PolicyTick = R(PolicyTick),
            SimReset = R(SimReset),
            TaskMetrics = R(TaskMetrics),
            Remap = remap,
        };
    }

    public static DeploymentTopics Resolve(TopicsSection? section, string source)
    {
        var s = section ?? new TopicsSection();
        TopicEndpoint Get(TopicSpec? spec, string field, string name, QosProfile qos) =>
            TopicSpec.Resolve(spec, new TopicEndpoint(name, qos), source, $"topics.{field}");
        return new DeploymentTopics
        {
            JointStates = Get(s.JointStates, "joint_states", "/joint_states", QosProfile.Default),
            Commands = Get(s.Commands, "commands", "/forward_position_controller/commands", QosProfile.Default),
            PdGains = Get(s.PdGains, "pd_gains", "/pd_gains", QosProfile.Default),
            TaskCommandSpec = s.TaskCommand,
            Source = source,
            Odometry = Get(s.Odometry, "odometry", "/odom", QosProfile.Default),
            FootContacts = Get(s.FootContacts, "foot_contacts", "/foot_contacts", QosProfile.Default),
            Clock = Get(s.Clock, "clock", "/clock", LaunchQos.Clock),
            EStop = Get(s.EStop, "e_stop", "/e_stop", QosProfile.Default),
            EStopReset = Get(s.EStopReset, "e_stop_reset", "/e_stop_reset", QosProfile.Default),
            Diagnostics = Get(s.Diagnostics, "diagnostics", "/diagnostics", QosProfile.Default),
            WatchdogEvents = Get(s.WatchdogEvents, "watchdog_events", "/watchdog/events", QosProfile.Default),
            PolicyTick = Get(s.PolicyTick, "policy_tick", "/policy/tick", QosProfile.Default),
            SimReset = Get(s.SimReset, "sim_reset", "/sim/reset", QosProfile.Default),
            TaskMetrics = Get(s.TaskMetrics, "task_metrics", "/task/metrics", QosProfile.Default),
        };
    }
}
