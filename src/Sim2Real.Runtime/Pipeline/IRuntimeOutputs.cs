using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// Where the policy loop writes: joint position targets (forward_command_controller's commands, in robot.yaml's
/// joint order), PD gains, diagnostics, watchdog events and policy tick records. The ROS adapter publishes them on
/// topics; tests record them with the time they were written. Called on the loop's scheduler only.
/// </summary>
public interface IRuntimeOutputs
{
    /// <summary>One joint position target per joint (rad); never a non-finite value.</summary>
    void Command(ReadOnlySpan<double> positions);

    /// <summary>kp for every joint, then kd (the /pd_gains layout).</summary>
    void Gains(ReadOnlySpan<double> kp, ReadOnlySpan<double> kd);

    void Diagnostics(DiagnosticArray diagnostics);

    void Watchdog(WatchdogEvent watchdogEvent);

    void Tick(PolicyTick tick);
}
