using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Actions;

/// <summary>
/// The one mapping from a normalized policy action to joint position targets, applied once per control period by
/// the simulator and by the deployment runtime alike:
/// <list type="number">
/// <item>refuse non-finite elements, clamp each to [-1, 1];</item>
/// <item>position_offset: home + a x scale; position_delta: previous target + a x scale;</item>
/// <item>clamp to the joint's position limits;</item>
/// <item>rate-limit: the target moves at most velocity_limit x control period from the previous target.</item>
/// </list>
/// Training applies the same rate limit, so a deployed policy sees the dynamics it learned. The start-up ramp from a
/// measured pose belongs to the runtime alone. Allocation-free per call; not thread-safe (it keeps the previous target).
/// </summary>
public sealed class ActionMapper
{
    private readonly RobotSpec _robot;
    private readonly double[] _home;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly double[] _scale;
    private readonly double[] _maxStep;
    private readonly double[] _target;
    private readonly string _source;

    /// <param name="source">Named in errors (the environment or deployment).</param>
    public ActionMapper(RobotSpec robot, string source)
    {
        ArgumentNullException.ThrowIfNull(robot);
        _robot = robot;
        _source = source;
        _home = robot.Home();
        _low = robot.Joints.Select(j => j.PositionLimitRad.Min).ToArray();
        _high = robot.Joints.Select(j => j.PositionLimitRad.Max).ToArray();
        _scale = robot.Joints.Select(j => j.ActionScaleRad).ToArray();
        _maxStep = robot.Joints.Select(j => j.VelocityLimitRadS * robot.Control.PeriodS).ToArray();
        _target = (double[])_home.Clone();
    }

    public int Size => _home.Length;

    /// <summary>The last targets produced (or set by <see cref="Reset"/>).</summary>
    public ReadOnlySpan<double> Targets => _target;

    /// <summary>Largest target change per control period, per joint (rad).</summary>
    public ReadOnlySpan<double> MaxStepRad => _maxStep;

    /// <summary>Starts from <paramref name="targets"/> (the home pose at episode start, or the measured pose).</summary>
    public void Reset(ReadOnlySpan<double> targets)
    {
        if (targets.Length != _target.Length)
        {
            throw new ArgumentException($"{_source}: {targets.Length} targets given; robot '{_robot.Name}' has {_target.Length} joints", nameof(targets));
        }

        targets.CopyTo(_target);
    }

    /// <summary>
    /// Maps <paramref name="action"/> to joint targets (written to <paramref name="targets"/> and kept for the next
    /// call) and writes the clamped action, the one commanded, to <paramref name="commanded"/>.
    /// </summary>
    /// <exception cref="NonFiniteActionException">An element is NaN or infinite; nothing changes.</exception>
    public void Map(ReadOnlySpan<float> action, Span<float> commanded, Span<double> targets)
    {
        if (action.Length != _target.Length || commanded.Length != _target.Length || targets.Length != _target.Length)
        {
            throw new ArgumentException($"{_source}: action has {action.Length} values; robot '{_robot.Name}' has {_target.Length} joints ({string.Join(", ", _robot.JointNames)})", nameof(action));
        }

        for (var i = 0; i < action.Length; i++)
        {
            if (!float.IsFinite(action[i]))
            {
                throw new NonFiniteActionException(_source, i, _robot.Joints[i].Name, action[i]);
            }
        }

        var delta = _robot.Control.ActionMode == ActionMode.PositionDelta;
        for (var i = 0; i < action.Length; i++)
        {
            var a = Math.Clamp(action[i], -1f, 1f);
            commanded[i] = a;
            var origin = delta ? _target[i] : _home[i];
            var desired = Math.Clamp(origin + (a * _scale[i]), _low[i], _high[i]);
            var step = Math.Clamp(desired - _target[i], -_maxStep[i], _maxStep[i]);
            _target[i] = Math.Clamp(_target[i] + step, _low[i], _high[i]);
            targets[i] = _target[i];
        }
    }
}
