using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Randomization;

/// <summary>
/// Writes an episode's <see cref="EnvironmentFactors"/> into one environment's own model copy. It keeps the
/// nominal values it found at construction, so every episode starts from the model as authored (and as tuned by
/// robot.yaml) rather than compounding the previous episode's factors.
/// </summary>
internal sealed class PhysicsRandomizer
{
    private readonly MjModel _model;
    private readonly int[] _bodies;
    private readonly double[] _mass;
    private readonly double[] _inertia;
    private readonly double[] _ipos;
    private readonly double[] _friction;
    private readonly double[] _damping;
    private readonly double[] _gain;
    private readonly double[] _bias;
    private readonly double[] _forceRange;
    private readonly int _gainStride;
    private readonly int _biasStride;

    public PhysicsRandomizer(MjModel model, IReadOnlyList<string> bodies)
    {
        _model = model;
        _bodies = bodies.Select(model.BodyId).ToArray();
        _mass = model.body_mass.ToArray();
        _inertia = model.body_inertia.ToArray();
        _ipos = model.body_ipos.ToArray();
        _friction = model.geom_friction.ToArray();
        _damping = model.dof_damping.ToArray();
        _gain = model.actuator_gainprm.ToArray();
        _bias = model.actuator_biasprm.ToArray();
        _forceRange = model.actuator_forcerange.ToArray();
        _gainStride = model.nu == 0 ? 0 : _gain.Length / model.nu;
        _biasStride = model.nu == 0 ? 0 : _bias.Length / model.nu;
    }

    /// <summary>Applies the factors and recomputes the model's derived constants (mj_setConst) with <paramref name="data"/>.</summary>
    public void Apply(EnvironmentFactors factors, MjData data)
    {
        if (factors.MassScales.Count != _bodies.Length || factors.MotorStrengths.Count != _model.nu)
        {
            throw new ArgumentException($"{_model.Source}: factors were sampled for {factors.MassScales.Count} bodies and {factors.MotorStrengths.Count} actuators; the model randomizes {_bodies.Length} bodies and has {_model.nu} actuators", nameof(factors));
        }

        var mass = _model.body_mass;
        var inertia = _model.body_inertia;
        var ipos = _model.body_ipos;
        _mass.CopyTo(mass);
        _inertia.CopyTo(inertia);
        _ipos.CopyTo(ipos);
        for (var i = 0; i < _bodies.Length; i++)
        {
            var b = _bodies[i];
            // Same shape, different density: inertia scales with mass.
            mass[b] = _mass[b] * factors.MassScales[i];
            for (var k = 0; k < 3; k++)
            {
                inertia[(3 * b) + k] = _inertia[(3 * b) + k] * factors.MassScales[i];
                ipos[(3 * b) + k] = _ipos[(3 * b) + k] + factors.ComOffsetsM[(3 * i) + k];
            }
        }

        var friction = _model.geom_friction;
        _friction.CopyTo(friction);
        for (var g = 0; g < _model.ngeom; g++)
        {
            // Only sliding friction (the first of three): torsional and rolling stay as authored.
            friction[3 * g] = _friction[3 * g] * factors.FrictionScale;
        }

        var damping = _model.dof_damping;
        for (var d = 0; d < damping.Length; d++)
        {
            damping[d] = _damping[d] * factors.JointDampingScale;
        }

        var gain = _model.actuator_gainprm;
        var bias = _model.actuator_biasprm;
        var range = _model.actuator_forcerange;
        _gain.CopyTo(gain);
        _bias.CopyTo(bias);
        for (var a = 0; a < _model.nu; a++)
        {
            // PD servo: force = kp*ctrl - kp*q - kd*qdot. Motor strength scales all of it and the limit with it.
            var strength = factors.MotorStrengths[a];
            gain[_gainStride * a] = _gain[_gainStride * a] * factors.KpScale * strength;
            bias[(_biasStride * a) + 1] = _bias[(_biasStride * a) + 1] * factors.KpScale * strength;
            bias[(_biasStride * a) + 2] = _bias[(_biasStride * a) + 2] * factors.KdScale * strength;
            range[2 * a] = _forceRange[2 * a] * strength;
            range[(2 * a) + 1] = _forceRange[(2 * a) + 1] * strength;
        }

        _model.SetConst(data);
    }

    /// <summary>
    /// Replaces the PD gains robot.yaml gave (kp, kd per actuator) while keeping the episode's gain and strength
    /// factors on top: a commanded kp of 0 leaves a pure damper.
    /// </summary>
    public void SetGains(EnvironmentFactors factors, ReadOnlySpan<double> kp, ReadOnlySpan<double> kd)
    {
        if (kp.Length != _model.nu || kd.Length != _model.nu)
        {
            throw new ArgumentException($"{_model.Source}: gains for {kp.Length} and {kd.Length} actuators; the model has {_model.nu}");
        }

        var gain = _model.actuator_gainprm;
        var bias = _model.actuator_biasprm;
        for (var a = 0; a < _model.nu; a++)
        {
            var strength = factors.MotorStrengths[a];
            gain[_gainStride * a] = kp[a] * factors.KpScale * strength;
            bias[(_biasStride * a) + 1] = -kp[a] * factors.KpScale * strength;
            bias[(_biasStride * a) + 2] = -kd[a] * factors.KdScale * strength;
        }
    }
}
