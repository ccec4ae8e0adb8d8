using Sim2Real.Ros.Messages.TrajectoryMsgs;

namespace Sim2Real.SimRobot.Commands;

/// <summary>
/// A joint_trajectory_controller goal: waypoints reordered into the robot's joint order and clamped to its limits,
/// followed by linear interpolation from the target held when it arrived, then held at the last point.
/// </summary>
internal sealed class TrajectoryCommand
{
    private readonly double[] _times;
    private readonly double[][] _points;

    private TrajectoryCommand(double[] times, double[][] points)
    {
        _times = times;
        _points = points;
    }

    public int Points => _times.Length;

    /// <summary>Seconds from the start to the last waypoint.</summary>
    public double DurationS => _times[^1];

    /// <summary>The trajectory, or null with the reason it is dropped (and how it counts).</summary>
    public static TrajectoryCommand? From(JointTrajectory message, JointLimits limits, out string? problem, out DropReason reason, out int clamped)
    {
        clamped = 0;
        reason = DropReason.Malformed;
        var names = message.JointNames;
        var order = new int[limits.Count];
        if (names.Length != limits.Count || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            reason = DropReason.WrongSize;
            problem = $"joint_names [{string.Join(", ", names)}] must name each of the {limits.Count} joints once ({string.Join(", ", limits.Names)})";
            return null;
        }

        for (var i = 0; i < limits.Count; i++)
        {
            order[i] = Array.IndexOf(names, limits.Names[i]);
            if (order[i] < 0)
            {
                problem = $"joint_names lacks '{limits.Names[i]}'";
                return null;
            }
        }

        if (message.Points.Length == 0)
        {
            problem = "the trajectory has no points";
            return null;
        }

        var times = new double[message.Points.Length];
        var points = new double[message.Points.Length][];
        var values = new double[limits.Count];
        for (var p = 0; p < message.Points.Length; p++)
        {
            var point = message.Points[p];
            times[p] = point.TimeFromStart.Sec + (point.TimeFromStart.Nanosec * 1e-9);
            if (times[p] < 0 || (p > 0 && times[p] <= times[p - 1]))
            {
                problem = $"point {p}: time_from_start {times[p]} s must be after the previous point's";
                return null;
            }

            if (point.Positions.Length != limits.Count)
            {
                reason = DropReason.WrongSize;
                problem = $"point {p} has {point.Positions.Length} positions for {limits.Count} joints";
                return null;
            }

            for (var i = 0; i < limits.Count; i++)
            {
                values[i] = point.Positions[order[i]];
            }

            if (limits.Problem(values, $"point {p}") is { } bad)
            {
                reason = DropReason.NonFinite;
                problem = bad;
                return null;
            }

            points[p] = new double[limits.Count];
            clamped += limits.Clamp(values, points[p]);
        }

        problem = null;
        return new TrajectoryCommand(times, points);
    }

    /// <summary>The target <paramref name="elapsedS"/> seconds after the start, interpolating from <paramref name="start"/>.</summary>
    public void Sample(double elapsedS, ReadOnlySpan<double> start, Span<double> target)
    {
        if (elapsedS >= _times[^1])
        {
            _points[^1].CopyTo(target);
            return;
        }

        var next = 0;
        while (_times[next] <= elapsedS)
        {
            next++;
        }

        var fromTime = next == 0 ? 0 : _times[next - 1];
        ReadOnlySpan<double> from = next == 0 ? start : _points[next - 1];
        var to = _points[next];
        var s = (elapsedS - fromTime) / (_times[next] - fromTime);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = from[i] + (s * (to[i] - from[i]));
        }
    }
}
