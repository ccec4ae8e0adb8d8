using Sim2Real.SimRobot.Commands;
using Sim2Real.SimRobot.Faults;
using Sim2Real.SimRobot.Serving.Inputs;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// The joint commands as ros2_control's controllers hold them: a forward command is a target held forever (no
/// timeout); a trajectory is followed from the target held when it arrives, then its last point is held. Messages
/// are checked on arrival and dropped whole when wrong (size, non-finite value), targets clamped to the joint
/// limits. Under a command-latency fault an accepted command waits its latency (plus jitter) before taking effect.
/// </summary>
internal sealed class CommandState
{
    private readonly JointLimits _limits;
    private readonly double[] _held;
    private readonly double[] _from;
    private readonly Random _jitter;
    private readonly List<(double ReleaseS, long Order, object Command)> _pending = [];
    private TrajectoryCommand? _trajectory;
    private double _trajectoryStartS;
    private long _order;

    public CommandState(JointLimits limits, Random jitter)
    {
        _limits = limits;
        _held = new double[limits.Count];
        _from = new double[limits.Count];
        _jitter = jitter;
    }

    public CommandCounters Counters { get; } = new();

    /// <summary>Commands accepted but still waiting out a latency fault.</summary>
    public int Pending => _pending.Count;

    /// <summary>Starts an episode holding <paramref name="target"/> (the home pose), with nothing pending.</summary>
    public void Reset(ReadOnlySpan<double> target)
    {
        target.CopyTo(_held);
        _trajectory = null;
        _pending.Clear();
    }

    /// <summary>Checks a received command; returns why it was dropped, or null when it was taken (now or after its latency).</summary>
    public string? Receive(ServeInput input, double nowS, FaultSpec? latency)
    {
        object? command = input switch
        {
            PositionInput p => Position(p.Data, out var problem) ?? (object?)problem,
            TrajectoryInput t => Trajectory(t, out var problem) ?? (object?)problem,
            _ => throw new ArgumentException($"{input} is not a joint command", nameof(input)),
        };
        if (command is string dropped)
        {
            return dropped;
        }

        Counters.Accepted++;
        var delay = latency is null ? 0 : latency.Magnitude + (latency.JitterS * _jitter.NextDouble());
        _pending.Add((nowS + delay, _order++, command!));
        Release(nowS);
        return null;
    }

    /// <summary>Applies the accepted commands whose latency has passed by <paramref name="nowS"/>, in order.</summary>
    public void Release(double nowS)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _pending.Sort((a, b) => a.ReleaseS != b.ReleaseS ? a.ReleaseS.CompareTo(b.ReleaseS) : a.Order.CompareTo(b.Order));
        while (_pending.Count > 0 && _pending[0].ReleaseS <= nowS + 1e-9)
        {
            var command = _pending[0].Command;
            _pending.RemoveAt(0);
            if (command is double[] target)
            {
                target.CopyTo(_held, 0);
                _trajectory = null;
            }
            else
            {
                Target(nowS, _from);
                _from.CopyTo(_held, 0);
                _trajectory = (TrajectoryCommand)command;
                _trajectoryStartS = nowS;
            }
        }
    }

    /// <summary>The joint targets at <paramref name="nowS"/>.</summary>
    public void Target(double nowS, Span<double> target)
    {
        if (_trajectory is null)
        {
            _held.CopyTo(target);
            return;
        }

        _trajectory.Sample(nowS - _trajectoryStartS, _held, target);
    }

    private double[]? Position(double[] data, out string? problem)
    {
        problem = _limits.Problem(data, "the command");
        if (problem is not null)
        {
            Count(data.Length != _limits.Count ? DropReason.WrongSize : DropReason.NonFinite);
            return null;
        }

        var target = new double[_limits.Count];
        if (_limits.Clamp(data, target) > 0)
        {
            Counters.Clamped++;
        }

        return target;
    }

    private TrajectoryCommand? Trajectory(TrajectoryInput input, out string? problem)
    {
        var trajectory = TrajectoryCommand.From(input.Trajectory, _limits, out problem, out var reason, out var clamped);
        if (trajectory is null)
        {
            Count(reason);
            return null;
        }

        if (clamped > 0)
        {
            Counters.Clamped++;
        }

        return trajectory;
    }

    private void Count(DropReason reason)
    {
        switch (reason)
        {
            case DropReason.NonFinite:
                Counters.DroppedNonFinite++;
                break;
            case DropReason.WrongSize:
                Counters.DroppedWrongSize++;
                break;
            default:
                Counters.DroppedMalformed++;
                break;
        }
    }
}
