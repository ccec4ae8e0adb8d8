using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Hosting;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Recording;

namespace Sim2Real.Runtime.Adapter;

/// <summary>
/// The loop's outputs as ROS 2 topics: joint targets on the forward_command_controller's commands topic
/// (std_msgs/Float64MultiArray in robot.yaml's joint order), PD gains on /pd_gains (kp per joint, then kd),
/// /diagnostics, /watchdog/events and /policy/tick. Publishers are created up front, so discovery is under way
/// before the first command.
/// </summary>
public sealed class RosOutputs : IRuntimeOutputs, IDisposable
{
    private readonly RosPublisher<Float64MultiArray> _commands;
    private readonly RosPublisher<Float64MultiArray> _gains;
    private readonly RosPublisher<DiagnosticArray> _diagnostics;
    private readonly RosPublisher<WatchdogEvent> _events;
    private readonly RosPublisher<PolicyTick> _ticks;

    private readonly Action<Float64MultiArray>? _recordCommand;
    private readonly Action<Float64MultiArray>? _recordGains;
    private readonly Action<DiagnosticArray>? _recordDiagnostics;
    private readonly Action<WatchdogEvent>? _recordEvent;
    private readonly Action<PolicyTick>? _recordTick;

    /// <param name="record">With it, every message published is recorded as it goes out.</param>
    public RosOutputs(RosNode node, DeploymentPlan plan, RecordingTaps? record = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(plan);
        var t = plan.Description.Topics;
        _recordCommand = record?.Output<Float64MultiArray>(t.Commands, _ => null);
        _recordGains = record?.Output<Float64MultiArray>(t.PdGains, _ => null);
        _recordDiagnostics = record?.Output<DiagnosticArray>(t.Diagnostics, m => m.Header.Stamp);
        _recordEvent = record?.Output<WatchdogEvent>(t.WatchdogEvents, m => m.Header.Stamp);
        _recordTick = record?.Output<PolicyTick>(t.PolicyTick, m => m.Header.Stamp);
        _commands = node.CreatePublisher<Float64MultiArray>(t.Commands.Name, t.Commands.Qos);
        _gains = node.CreatePublisher<Float64MultiArray>(t.PdGains.Name, t.PdGains.Qos);
        _diagnostics = node.CreatePublisher<DiagnosticArray>(t.Diagnostics.Name, t.Diagnostics.Qos);
        _events = node.CreatePublisher<WatchdogEvent>(t.WatchdogEvents.Name, t.WatchdogEvents.Qos);
        _ticks = node.CreatePublisher<PolicyTick>(t.PolicyTick.Name, t.PolicyTick.Qos);
    }

    /// <summary>Called after each tick record is published, for a recorder in the same process.</summary>
    public Action<PolicyTick>? TickObserver { get; set; }

    public RosPublisher<Float64MultiArray> CommandPublisher => _commands;

    public void Command(ReadOnlySpan<double> positions)
    {
        var message = new Float64MultiArray { Data = positions.ToArray() };
        _commands.Publish(message);
        _recordCommand?.Invoke(message);
    }

    public void Gains(ReadOnlySpan<double> kp, ReadOnlySpan<double> kd)
    {
        var message = new Float64MultiArray { Data = [.. kp, .. kd] };
        _gains.Publish(message);
        _recordGains?.Invoke(message);
    }

    public void Diagnostics(DiagnosticArray diagnostics)
    {
        _diagnostics.Publish(diagnostics);
        _recordDiagnostics?.Invoke(diagnostics);
    }

    public void Watchdog(WatchdogEvent watchdogEvent)
    {
        _events.Publish(watchdogEvent);
        _recordEvent?.Invoke(watchdogEvent);
    }

    public void Tick(PolicyTick tick)
    {
        _ticks.Publish(tick);
        _recordTick?.Invoke(tick);
        TickObserver?.Invoke(tick);
    }

    public void Dispose()
    {
        _commands.Dispose();
        _gains.Dispose();
        _diagnostics.Dispose();
        _events.Dispose();
        _ticks.Dispose();
    }
}
