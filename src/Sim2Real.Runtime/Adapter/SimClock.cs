using System.Reactive.Concurrency;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Adapter;

/// <summary>
/// ROS sim time (use_sim_time): a virtual-time scheduler advanced by /clock. Every timer of the loop (the control
/// period, timeouts, deadlines) runs in the simulator's seconds, so a deployment against <c>sim serve --clock sim</c>
/// runs as fast as the simulator allows and takes the same decisions at the same simulated instants each time.
/// <see cref="Advance"/> must be called on the loop's thread; a clock that jumps back (a restarted simulator) is
/// ignored and counted, as rclcpp ignores it for timers that already ran.
/// </summary>
public sealed class SimClock
{
    private readonly HistoricalScheduler _scheduler = new(DateTimeOffset.MinValue);

    public IScheduler Scheduler => _scheduler;

    public bool Started { get; private set; }

    public long BackwardJumps { get; private set; }

    public DateTimeOffset Now => _scheduler.Now;

    public void Advance(Clock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var time = RosTimes.FromRos(clock.Time);
        if (Started && time < _scheduler.Now)
        {
            BackwardJumps++;
            return;
        }

        Started = true;
        _scheduler.AdvanceTo(time);
    }
}
