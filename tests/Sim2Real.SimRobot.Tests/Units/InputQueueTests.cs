using Sim2Real.SimRobot.Serving.Inputs;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>The lockstep wait for a command, in virtual time.</summary>
public class InputQueueTests
{
    [Fact]
    public async Task The_wait_for_a_command_times_out_after_its_timeout_on_the_injected_clock()
    {
        var time = new ManualTimeProvider();
        using var queue = new InputQueue();
        var waiting = Task.Run(() => queue.WaitForInput(TimeSpan.FromMilliseconds(100), time, CancellationToken.None));
        SpinWait.SpinUntil(() => time.PendingTimers > 0);

        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_command_ends_the_wait_and_inputs_come_out_in_arrival_order()
    {
        var time = new ManualTimeProvider();
        using var queue = new InputQueue();
        var waiting = Task.Run(() => queue.WaitForInput(TimeSpan.FromMilliseconds(100), time, CancellationToken.None));
        SpinWait.SpinUntil(() => time.PendingTimers > 0);

        queue.Post(new ResetInput());
        queue.Post(new PositionInput([1, 2]));
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(queue.TryTake(out var first));
        Assert.IsType<ResetInput>(first);
        Assert.True(queue.TryTake(out var second));
        Assert.True(second.IsCommand);
        Assert.False(queue.TryTake(out _));
    }
}
