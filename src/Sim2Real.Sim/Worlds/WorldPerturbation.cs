using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.Sim.Worlds;

/// <summary>
/// What a world changes by a fixed amount, on top of whatever its ranges sampled: every field is optional and an
/// absent one leaves the model as it is. Scales multiply the episode's factors (1 = as sampled), so the same
/// perturbation can sit on a nominal world (a held-out <c>real_like</c>) or on randomized ranges (a shifted test
/// distribution). Units are in the names.
/// </summary>
public sealed class WorldPerturbation
{
    /// <summary>Nothing perturbed.</summary>
    public static WorldPerturbation None { get; } = new();

    /// <summary>Mass (and inertia) of the randomized bodies, the payload (robot.yaml <c>randomization.physics.bodies</c>).</summary>
    public double? MassScale { get; init; }

    /// <summary>Sliding friction of every geom, floor included.</summary>
    public double? FrictionScale { get; init; }

    public double? JointDampingScale { get; init; }

    /// <summary>The whole actuator force of every motor, its limit included.</summary>
    public double? MotorStrengthScale { get; init; }

    public double? KpScale { get; init; }

    public double? KdScale { get; init; }

    /// <summary>Actuation latency added to the sampled one; a whole number of control periods.</summary>
    public double? ExtraLatencyS { get; init; }

    /// <summary>Added to every joint-position reading: one value for all joints or one per joint (rad).</summary>
    public List<double>? JointPositionBiasRad { get; init; }

    /// <summary>x, y, z shift of every camera in its parent body's frame (m).</summary>
    public List<double>? CameraShiftM { get; init; }

    /// <summary>Rotation of every camera about <see cref="CameraRotationAxis"/> in the camera's own frame (deg).</summary>
    public double? CameraRotationDeg { get; init; }

    /// <summary>The axis of <see cref="CameraRotationDeg"/>, camera frame; default x (a tilt).</summary>
    public List<double>? CameraRotationAxis { get; init; }

    /// <summary>r, g, b added to every geom and material colour (0..1 scale), clipped to [0, 1]: colours never trained on.</summary>
    public List<double>? GeomRgbShift { get; init; }

    /// <summary>Diffuse intensity of every light (0..1), the same in all three channels.</summary>
    public double? LightDiffuse { get; init; }

    /// <summary>The names (as in robot.yaml) of the fields this perturbation sets, in declaration order.</summary>
    public IReadOnlyList<string> DefinedParameters()
    {
        var names = new List<string>();
        void Add(string name, bool defined)
        {
            if (defined)
            {
                names.Add(name);
            }
        }

        Add("mass_scale", MassScale is not null);
        Add("friction_scale", FrictionScale is not null);
        Add("joint_damping_scale", JointDampingScale is not null);
        Add("motor_strength_scale", MotorStrengthScale is not null);
        Add("kp_scale", KpScale is not null);
        Add("kd_scale", KdScale is not null);
        Add("extra_latency_s", ExtraLatencyS is not null);
        Add("joint_position_bias_rad", JointPositionBiasRad is not null);
        Add("camera_shift_m", CameraShiftM is not null);
        Add("camera_rotation_deg", CameraRotationDeg is not null);
        Add("geom_rgb_shift", GeomRgbShift is not null);
        Add("light_diffuse", LightDiffuse is not null);
        return names;
    }

    /// <summary>Extra latency in whole control steps (0 without one).</summary>
    public int ExtraLatencySteps(double controlPeriodS) =>
        ExtraLatencyS is { } s ? (int)Math.Round(s / controlPeriodS) : 0;

    /// <summary>The bias of each of <paramref name="joints"/> joints (zeros without one).</summary>
    public double[] JointBias(int joints)
    {
        var bias = new double[joints];
        if (JointPositionBiasRad is { } values)
        {
            for (var i = 0; i < joints; i++)
            {
                bias[i] = values.Count == 1 ? values[0] : values[i];
            }
        }

        return bias;
    }

    /// <summary>One line for logs: each defined field and its value.</summary>
    public string Summary()
    {
        static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        static string List(List<double> v) => "[" + string.Join(", ", v.Select(Format)) + "]";
        var parts = new List<string>();
        void Add(string name, double? value)
        {
            if (value is { } v)
            {
                parts.Add($"{name} {Format(v)}");
            }
        }

        void AddList(string name, List<double>? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {List(value)}");
            }
        }

        Add("mass_scale", MassScale);
        Add("friction_scale", FrictionScale);
        Add("joint_damping_scale", JointDampingScale);
        Add("motor_strength_scale", MotorStrengthScale);
        Add("kp_scale", KpScale);
        Add("kd_scale", KdScale);
        Add("extra_latency_s", ExtraLatencyS);
        AddList("joint_position_bias_rad", JointPositionBiasRad);
        AddList("camera_shift_m", CameraShiftM);
        Add("camera_rotation_deg", CameraRotationDeg);
        AddList("camera_rotation_axis", CameraRotationAxis);
        AddList("geom_rgb_shift", GeomRgbShift);
        Add("light_diffuse", LightDiffuse);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    internal void Validate(string source, string field, int joints, double controlPeriodS)
    {
        Scale(source, $"{field}.mass_scale", MassScale, 0.05, 20);
        Scale(source, $"{field}.friction_scale", FrictionScale, 0.01, 20);
        Scale(source, $"{field}.joint_damping_scale", JointDampingScale, 0, 100);
        Scale(source, $"{field}.motor_strength_scale", MotorStrengthScale, 0.01, 10);
        Scale(source, $"{field}.kp_scale", KpScale, 0.01, 10);
        Scale(source, $"{field}.kd_scale", KdScale, 0, 10);
        if (ExtraLatencyS is { } latency)
        {
            var steps = latency / controlPeriodS;
            if (!double.IsFinite(latency) || latency < 0 || Math.Abs(steps - Math.Round(steps)) > 1e-6 || Math.Round(steps) > 50)
            {
                throw new InvalidConfigException(source, $"{field}.extra_latency_s",
                    $"must be a whole number of control periods ({controlPeriodS} s) up to 50 of them, got {latency}");
            }
        }

        if (JointPositionBiasRad is { } bias)
        {
            if (bias.Count != 1 && bias.Count != joints)
            {
                throw new InvalidConfigException(source, $"{field}.joint_position_bias_rad", $"give one value for every joint or one per joint ({joints}), got {bias.Count}");
            }

            Finite(source, $"{field}.joint_position_bias_rad", bias, 0.5);
        }

        Vector(source, $"{field}.camera_shift_m", CameraShiftM, 1);
        Vector(source, $"{field}.geom_rgb_shift", GeomRgbShift, 1);
        Vector(source, $"{field}.camera_rotation_axis", CameraRotationAxis, double.PositiveInfinity);
        if (CameraRotationAxis is { } axis && Math.Sqrt(axis.Sum(a => a * a)) < 1e-9)
        {
            throw new InvalidConfigException(source, $"{field}.camera_rotation_axis", "the axis must not be zero");
        }

        if (CameraRotationAxis is not null && CameraRotationDeg is null)
        {
            throw new InvalidConfigException(source, $"{field}.camera_rotation_axis", "needs camera_rotation_deg");
        }

        if (CameraRotationDeg is { } degrees && (!double.IsFinite(degrees) || Math.Abs(degrees) > 45))
        {
            throw new InvalidConfigException(source, $"{field}.camera_rotation_deg", $"must be within +/-45 deg, got {degrees}");
        }

        if (LightDiffuse is { } diffuse && (!double.IsFinite(diffuse) || diffuse is < 0 or > 1))
        {
            throw new InvalidConfigException(source, $"{field}.light_diffuse", $"must be in [0, 1], got {diffuse}");
        }
    }

    private static void Scale(string source, string field, double? value, double lowest, double highest)
    {
        if (value is { } v && (!double.IsFinite(v) || v < lowest || v > highest))
        {
            throw new InvalidConfigException(source, field, $"must be in [{lowest}, {highest}], got {v}");
        }
    }

    private static void Vector(string source, string field, List<double>? value, double limit)
    {
        if (value is null)
        {
            return;
        }

        if (value.Count != 3)
        {
            throw new InvalidConfigException(source, field, $"needs 3 values (x, y, z or r, g, b), got {value.Count}");
        }

        Finite(source, field, value, limit);
    }

    private static void Finite(string source, string field, List<double> values, double limit)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || Math.Abs(v) > limit)
            {
                throw new InvalidConfigException(source, field, $"values must be finite and within +/-{limit}, got {v}");
            }
        }
    }
}
