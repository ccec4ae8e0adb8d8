using Sim2Real.Core;
using Sim2Real.Robotics.Spec;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// A deployment description from launch/, loaded and validated by <see cref="DeploymentFile"/>: which robot, policy,
/// camera and topics, at which rates, under which watchdogs and limits, with which safe action. Paths are absolute.
/// </summary>
public sealed record DeploymentDescription
{
    /// <summary>The launch file, for errors.</summary>
    public required string Source { get; init; }

    /// <summary>The file's name without extension (arm6_reach_sim).</summary>
    public required string Name { get; init; }

    public required RobotSpec Robot { get; init; }

    public required string PolicyPath { get; init; }

    public required NodeSection Node { get; init; }

    public required ClockSource Clock { get; init; }

    /// <summary>Present when the robot is <c>sim serve</c>.</summary>
    public SimulatorSection? Simulator { get; init; }

    public required double ControlPeriodS { get; init; }

    public required int ActionRepeat { get; init; }

    /// <summary>SCHED_FIFO priority of the control and policy threads; 0 for ordinary threads.</summary>
    public int ThreadPriority { get; init; }

    /// <summary>Intra-op threads of the policy's inference, libtorch's and OpenBLAS's alike.</summary>
    public int InferenceThreads { get; init; } = RatesSection.DefaultInferenceThreads;

    public double PolicyPeriodS => ControlPeriodS * ActionRepeat;

    /// <summary>How long start-up waits for the first sample of each input before refusing to start.</summary>
    public required TimeSpan StartupTimeout { get; init; }

    public CameraDescription? Camera { get; init; }

    public required DeploymentTopics Topics { get; init; }

    public required WatchdogSettings Watchdogs { get; init; }

    /// <summary>The launch file's override, else robot.yaml's, else hold.</summary>
    public required SafeActionSpec SafeAction { get; init; }

    /// <summary>Where the safe action came from, for messages: the launch file or robot.yaml.</summary>
    public required string SafeActionSource { get; init; }

    public required double StartupRampRadS { get; init; }

    /// <summary>Position limits in robot.yaml's joint order: robot.yaml's, narrowed by the launch file's.</summary>
    public required IReadOnlyList<Interval> PositionLimits { get; init; }

    public required LoggingSection Logging { get; init; }

    /// <summary>
    /// This description under the command line's <c>--ros-args</c>: <c>-r __node:=</c> and <c>-r __ns:=</c> rename
    /// the node, <c>-r from:=to</c> remaps topics (the launch file's names are absolute, so a namespace moves the node,
    /// not them, as in rcl).
    /// </summary>
    public DeploymentDescription With(Sim2Real.Ros.RosArguments ros)
    {
        ArgumentNullException.ThrowIfNull(ros);
        var node = new NodeSection { Name = ros.NodeName ?? Node.Name, Namespace = ros.Namespace ?? Node.Namespace };
        string Remap(string name) => ros.Resolve(name, node.Name, node.Namespace);
        return this with
        {
            Node = node,
            Topics = Topics.RemappedBy(Remap),
            Camera = Camera is { } c ? c with { Image = c.Image with { Name = Remap(c.Image.Name) }, Info = c.Info with { Name = Remap(c.Info.Name) } } : null,
        };
    }

    /// <summary>The logging section, checked: what the recorder writes.</summary>
    public required Recording.RecordingOptions Recording { get; init; }
}
