using Sim2Real.Ros.Messages.BuiltinInterfaces;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>ROS time (seconds and nanoseconds since the Unix epoch) and the loop's clock readings.</summary>
public static class RosTimes
{
    public static Time ToRos(DateTimeOffset time)
    {
        var ticks = (time - DateTimeOffset.UnixEpoch).Ticks;
        var sec = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            sec--;
            rest += TimeSpan.TicksPerSecond;
        }

        return new Time { Sec = checked((int)sec), Nanosec = (uint)(rest * 100) };
    }

    public static DateTimeOffset FromRos(Time time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((time.Sec * TimeSpan.TicksPerSecond) + (time.Nanosec / 100));
    }

    /// <summary>Seconds since the Unix epoch, as WatchdogEvent's detected_s and commanded_s carry them.</summary>
    public static double Seconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalSeconds;
}
