using Sim2Real.Core;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Runtime.Safety;

/// <summary>
/// Computes the safe action of the robot's config each control period while a rule is tripped:
/// <list type="bullet">
/// <item>hold: the last measured pose; with <c>decelerate_s</c> and fresh readings, the measured velocities slowed to
/// zero at constant deceleration first, so a fast arm stops without a jolt;</item>
/// <item>damping: kp 0 and a small kd on every joint (sent on /pd_gains once at the trip and again every second, so
/// a robot that restarted learns it too); position targets follow the measured pose so nothing jumps on release;</item>
/// <item>crouch: targets move from where they were to the crouch pose at a bounded rate.</item>
/// </list>
/// Every target is clamped to the deployment's joint limits and is finite by construction.
/// </summary>
internal sealed class SafeActionController
{
    private readonly SafeActionSpec _spec;
    private readonly IReadOnlyList<Interval> _limits;
    private readonly double _periodS;
    private readonly double[] _start;
    private readonly double[] _velocity;
    private readonly double[] _crouch;
    private DateTimeOffset _engagedAt;

    public SafeActionController(SafeActionSpec spec, RobotSpec robot, IReadOnlyList<Interval> limits, double periodS)
    {
        _spec = spec;
        _limits = limits;
        _periodS = periodS;
        var n = robot.Joints.Count;
        _start = new double[n];
        _velocity = new double[n];
        _crouch = new double[n];
        NominalKp = robot.Joints.Select(j => j.KpNmPerRad).ToArray();
        NominalKd = robot.Joints.Select(j => j.KdNmSPerRad).ToArray();
        DampingKp = new double[n];
        DampingKd = Enumerable.Repeat(spec.KdNmSPerRad, n).ToArray();
    }

    public SafeActionKind Kind => _spec.Kind;

    /// <summary>Whether this safe action is a change of PD gains (then the runtime restores robot.yaml's on release).</summary>
    public bool UsesGains => _spec.Kind == SafeActionKind.Damping;

    public double[] NominalKp { get; }

    public double[] NominalKd { get; }

    public double[] DampingKp { get; }

    public double[] DampingKd { get; }

    /// <summary>Starts the safe action from the robot's state at the trip.</summary>
    /// <param name="velocityTrusted">Whether the readings are fresh enough to extrapolate (never after a stale or frozen sensor).</param>
    public void Engage(DateTimeOffset now, ReadOnlySpan<double> measured, ReadOnlySpan<double> velocity, bool velocityTrusted, ReadOnlySpan<double> lastCommanded, bool hasCommanded)
    {
        _engagedAt = now;
        measured.CopyTo(_start);
        if (_spec.Kind == SafeActionKind.Crouch && hasCommanded)
        {
            lastCommanded.CopyTo(_start);
        }

        if (velocityTrusted && _spec.DecelerateS > 0)
        {
            velocity.CopyTo(_velocity);
        }
        else
        {
            Array.Clear(_velocity);
        }

        _start.CopyTo(_crouch, 0);
    }

    /// <summary>The safe targets for this control period.</summary>
    public void Targets(DateTimeOffset now, ReadOnlySpan<double> measured, Span<double> output)
    {
        switch (_spec.Kind)
        {
            case SafeActionKind.Hold:
                var d = _spec.DecelerateS;
                var t = Math.Max(0, (now - _engagedAt).TotalSeconds);
                for (var i = 0; i < _start.Length; i++)
                {
                    // q(t) = q0 + v0 t - v0 t^2 / (2 d) until t = d: the velocity falls linearly to zero.
                    var tau = d > 0 ? Math.Min(t, d) : 0;
                    output[i] = _start[i] + (d > 0 ? (_velocity[i] * tau) - (_velocity[i] * tau * tau / (2 * d)) : 0);
                }

                break;
            case SafeActionKind.Damping:
                measured.CopyTo(output);
                break;
            case SafeActionKind.Crouch:
                var step = _spec.RateRadS * _periodS;
                for (var i = 0; i < _crouch.Length; i++)
                {
                    var gap = _spec.CrouchRad[i] - _crouch[i];
                    _crouch[i] += Math.Abs(gap) <= step ? gap : Math.CopySign(step, gap);
                    output[i] = _crouch[i];
                }

                break;
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = Math.Clamp(output[i], _limits[i].Min, _limits[i].Max);
        }
    }
}
