using System.Reactive.Concurrency;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>Everything the loop wrote, with the virtual time it was written at.</summary>
internal sealed class RecordingOutputs(IScheduler clock) : IRuntimeOutputs
{
    public List<(DateTimeOffset At, double[] Targets)> Commands { get; } = [];

    public List<(DateTimeOffset At, double[] Kp, double[] Kd)> GainWrites { get; } = [];

    public List<(DateTimeOffset At, DiagnosticArray Array)> DiagnosticArrays { get; } = [];

    public List<WatchdogEvent> Events { get; } = [];

    public List<PolicyTick> Ticks { get; } = [];

    /// <summary>Called with every command, as a robot's controller would receive it.</summary>
    public Action<double[]>? Robot { get; set; }

    public void Command(ReadOnlySpan<double> positions)
    {
        var targets = positions.ToArray();
        Commands.Add((clock.Now, targets));
        Robot?.Invoke(targets);
    }

    public void Gains(ReadOnlySpan<double> kp, ReadOnlySpan<double> kd) => GainWrites.Add((clock.Now, kp.ToArray(), kd.ToArray()));

    public void Diagnostics(DiagnosticArray diagnostics) => DiagnosticArrays.Add((clock.Now, diagnostics));

    public void Watchdog(WatchdogEvent watchdogEvent) => Events.Add(watchdogEvent);

    public void Tick(PolicyTick tick) => Ticks.Add(tick);

    public IEnumerable<(DateTimeOffset At, double[] Targets)> CommandsAfter(DateTimeOffset t) => Commands.Where(c => c.At >= t);
}
