using Sim2Real.SimRobot.Serving;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>Real-time pacing of physics steps, in virtual time.</summary>
public class WallClockPacerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(2);

    [Fact]
    public void A_step_is_due_each_period_and_none_before()
    {
        var time = new ManualTimeProvider();
        var pacer = new WallClockPacer(time, 0.002, maxLagSteps: 50);

        Assert.Equal(1, pacer.Due(0));
        Assert.Equal(0, pacer.Due(1));
        Assert.Equal(Step, pacer.UntilNext(1));
        time.Advance(TimeSpan.FromMilliseconds(1.5));
        Assert.Equal(0, pacer.Due(1));
        Assert.Equal(TimeSpan.FromMilliseconds(0.5), pacer.UntilNext(1));
        time.Advance(TimeSpan.FromMilliseconds(0.5));
        Assert.Equal(1, pacer.Due(1));
    }

    [Fact]
    public void Steps_missed_by_a_short_stall_are_caught_up()
    {
        var time = new ManualTimeProvider();
        var pacer = new WallClockPacer(time, 0.002, maxLagSteps: 50);
        time.Advance(TimeSpan.FromMilliseconds(20.5));

        // Steps 0..10 are due by 20.5 ms: eleven to take now, with the schedule kept.
        Assert.Equal(11, pacer.Due(0));
        Assert.Equal(0, pacer.Slips);
        Assert.Equal(TimeSpan.FromMilliseconds(1.5), pacer.UntilNext(11));
    }

    [Fact]
    public void A_long_stall_slips_the_schedule_instead_of_fast_forwarding_physics()
    {
        var time = new ManualTimeProvider();
        var pacer = new WallClockPacer(time, 0.002, maxLagSteps: 50);
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, pacer.Due(1));
        Assert.Equal(1, pacer.Slips);
        // From the slip on, one step per period again.
        Assert.Equal(0, pacer.Due(2));
        time.Advance(Step);
        Assert.Equal(1, pacer.Due(2));
    }

    [Fact]
    public async Task Waiting_on_a_test_clock_ends_when_the_clock_reaches_the_next_step()
    {
        var time = new ManualTimeProvider();
        var pacer = new WallClockPacer(time, 0.002, maxLagSteps: 50);
        var waiting = Task.Run(() => pacer.WaitForNext(1, CancellationToken.None));
        SpinWait.SpinUntil(() => time.PendingTimers > 0 || waiting.IsCompleted);

        Assert.False(waiting.IsCompleted);
        time.Advance(Step);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
