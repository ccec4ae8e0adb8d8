using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.SimRobot.Sensors;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// The served robot's time: physics steps since the start, monotonic across episodes (MuJoCo's own time restarts at
/// each reset, and /clock must never run backwards). Stamps are that time itself in lockstep mode, and the wall
/// clock's ROS time at the moment of reading in real time.
/// </summary>
internal sealed class RobotClock
{
    private readonly ClockMode _mode;
    private readonly TimeProvider _time;
    private readonly long _stepNs;

    public RobotClock(ClockMode mode, TimeProvider time, double timestepS)
    {
        _mode = mode;
        _time = time;
        _stepNs = (long)Math.Round(timestepS * 1e9);
        TimestepS = timestepS;
    }

    public double TimestepS { get; }

    /// <summary>Physics steps taken since the robot started.</summary>
    public long Steps { get; private set; }

    /// <summary>Seconds of robot time since the start: faults, durations and frame times run on it.</summary>
    public double NowS => Steps * TimestepS;

    /// <summary>Simulated time as /clock carries it.</summary>
    public Time SimTime => RosConvert.Time(Steps * _stepNs);

    public void Advance() => Steps++;

    /// <summary>The stamp of a reading taken now.</summary>
    public Time Stamp() => _mode == ClockMode.Sim
        ? SimTime
        : RosConvert.Time((_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100);
}
