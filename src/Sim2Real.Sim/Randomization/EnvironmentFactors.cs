namespace Sim2Real.Sim.Randomization;

/// <summary>
/// The physical factors of one episode: RMA's privileged environment vector e_t. Scales are relative to the model
/// as authored (1 = nominal). Sampled by <see cref="FactorSampler"/>; nominal when randomization is off.
/// </summary>
public sealed class EnvironmentFactors
{
    internal EnvironmentFactors(
        IReadOnlyList<string> bodies,
        IReadOnlyList<string> actuators,
        double frictionScale,
        double[] massScales,
        double[] comOffsetsM,
        double jointDampingScale,
        double[] motorStrengths,
        double kpScale,
        double kdScale,
        int latencySteps)
    {
        Bodies = bodies;
        Actuators = actuators;
        FrictionScale = frictionScale;
        MassScales = massScales;
        ComOffsetsM = comOffsetsM;
        JointDampingScale = jointDampingScale;
        MotorStrengths = motorStrengths;
        KpScale = kpScale;
        KdScale = kdScale;
        LatencySteps = latencySteps;
    }

    /// <summary>The randomized bodies, in the order of <see cref="MassScales"/> and <see cref="ComOffsetsM"/>.</summary>
    public IReadOnlyList<string> Bodies { get; }

    public IReadOnlyList<string> Actuators { get; }

    /// <summary>Sliding friction scale of every geom, floor included.</summary>
    public double FrictionScale { get; }

    /// <summary>One per randomized body.</summary>
    public IReadOnlyList<double> MassScales { get; }

    /// <summary>x, y, z shift of each randomized body's centre of mass, in metres (3 per body).</summary>
    public IReadOnlyList<double> ComOffsetsM { get; }

    public double JointDampingScale { get; }

    /// <summary>One per actuator: scales its whole force, limit included.</summary>
    public IReadOnlyList<double> MotorStrengths { get; }

    public double KpScale { get; }

    public double KdScale { get; }

    public int LatencySteps { get; }

    /// <summary>Length of <see cref="ToVector"/>.</summary>
    public int Size => 1 + MassScales.Count + ComOffsetsM.Count + 1 + MotorStrengths.Count + 3;

    /// <summary>Nominal factors: every scale 1, no offsets, no latency.</summary>
    public static EnvironmentFactors Nominal(IReadOnlyList<string> bodies, IReadOnlyList<string> actuators) =>
        new(bodies, actuators, 1, Ones(bodies.Count), new double[3 * bodies.Count], 1, Ones(actuators.Count), 1, 1, 0);

    /// <summary>The names of <see cref="ToVector"/>'s elements, e.g. <c>mass_scale/torso</c>, <c>com_offset_m/torso/x</c>.</summary>
    public IReadOnlyList<string> Names()
    {
        var names = new List<string>(Size) { "friction_scale" };
        names.AddRange(Bodies.Select(b => $"mass_scale/{b}"));
        names.AddRange(Bodies.SelectMany(b => new[] { $"com_offset_m/{b}/x", $"com_offset_m/{b}/y", $"com_offset_m/{b}/z" }));
        names.Add("joint_damping_scale");
        names.AddRange(Actuators.Select(a => $"motor_strength_scale/{a}"));
        names.AddRange(["kp_scale", "kd_scale", "latency_steps"]);
        return names;
    }

    /// <summary>e_t as floats, in the order of <see cref="Names"/>.</summary>
    public float[] ToVector()
    {
        var vector = new List<float>(Size) { (float)FrictionScale };
        vector.AddRange(MassScales.Select(v => (float)v));
        vector.AddRange(ComOffsetsM.Select(v => (float)v));
        vector.Add((float)JointDampingScale);
        vector.AddRange(MotorStrengths.Select(v => (float)v));
        vector.AddRange([(float)KpScale, (float)KdScale, LatencySteps]);
        return [.. vector];
    }

    /// <summary>One line for logs: ranges over bodies and actuators instead of every element.</summary>
    public string Summary()
    {
        static string Span(IReadOnlyList<double> values) =>
            values.Count == 0 ? "-" : values.Min() == values.Max() ? $"{values[0]:0.###}" : $"{values.Min():0.###}..{values.Max():0.###}";

        var com = ComOffsetsM.Count == 0 ? 0 : ComOffsetsM.Max(Math.Abs);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"friction x{FrictionScale:0.###}, mass x{Span(MassScales)}, com offset <= {100 * com:0.#} cm, damping x{JointDampingScale:0.###}, strength x{Span(MotorStrengths)}, kp x{KpScale:0.###}, kd x{KdScale:0.###}, latency {LatencySteps} steps");
    }

    public override string ToString() =>
        string.Join(", ", Names().Zip(ToVector(), (n, v) => $"{n}={v:0.###}"));

    private static double[] Ones(int count) => Enumerable.Repeat(1.0, count).ToArray();
}
