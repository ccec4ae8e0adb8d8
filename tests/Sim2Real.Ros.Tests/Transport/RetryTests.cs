using Sim2Real.Ros.Interop;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

public class RetryTests
{
    [Fact]
    public void Transient_creation_failures_are_retried_with_exponential_backoff()
    {
        var time = new RecordingTimeProvider();
        var factory = new EntityFactory(attempts: 4, backoff: TimeSpan.FromMilliseconds(100), time);
        var calls = 0;

        using var handle = factory.Create("/scan", "sensor_msgs/msg/Image", "create reader",
            () => ++calls < 3 ? DdsNative.DDS_RETCODE_OUT_OF_RESOURCES : 12345);
        handle.SetHandleAsInvalid(); // not a real entity: nothing to delete

        Assert.Equal(3, calls);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], time.Delays);
    }

    [Fact]
    public void A_permanent_failure_is_not_retried_and_names_topic_type_and_operation()
    {
        var time = new RecordingTimeProvider();
        var factory = new EntityFactory(attempts: 4, backoff: TimeSpan.FromMilliseconds(100), time);
        var calls = 0;

        var e = Assert.Throws<RosTransportException>(() => factory.Create("/scan", "sensor_msgs/msg/Image", "create reader",
            () => { calls++; return -3; })); // DDS_RETCODE_BAD_PARAMETER

        Assert.Equal(1, calls);
        Assert.Empty(time.Delays);
        Assert.Contains("/scan", e.Message, StringComparison.Ordinal);
        Assert.Contains("sensor_msgs/msg/Image", e.Message, StringComparison.Ordinal);
        Assert.Contains("create reader", e.Message, StringComparison.Ordinal);
        Assert.Contains("Bad Parameter", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Giving_up_after_the_last_attempt_reports_the_native_error()
    {
        var time = new RecordingTimeProvider();
        var factory = new EntityFactory(attempts: 3, backoff: TimeSpan.FromMilliseconds(50), time);

        var e = Assert.Throws<RosTransportException>(() => factory.Create("/cmd_vel", "geometry_msgs/msg/Twist", "create writer",
            () => DdsNative.DDS_RETCODE_ERROR));

        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], time.Delays);
        Assert.Equal(DdsNative.DDS_RETCODE_ERROR, e.ReturnCode);
    }

    /// <summary>Virtual time for Polly: every timer fires at once and its due time is recorded.</summary>
    private sealed class RecordingTimeProvider : TimeProvider
    {
        public List<TimeSpan> Delays { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Delays)
            {
                Delays.Add(dueTime);
            }

            return new ImmediateTimer(callback, state);
        }

        private sealed class ImmediateTimer : ITimer
        {
            public ImmediateTimer(TimerCallback callback, object? state) =>
                ThreadPool.QueueUserWorkItem(_ => callback(state));

            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
