namespace Sim2Real.Robotics.Policies;

/// <summary>
/// A sidecar YAML as written (see docs/policies.md). Public for YamlDotNet; <see cref="PolicySidecarFile"/> validates
/// it. Per-joint values are a number (or pair) for every joint, or a map from joint names or regular expressions to
/// values, as Isaac Lab's configs write them; they are <c>object</c> here because YAML gives either shape.
/// </summary>
public sealed class PolicySidecarDocument
{
    /// <summary>The robot it drives, by robot.yaml's name.</summary>
    public string? Robot { get; set; }

    /// <summary>The policy's joint order: its actions and every per-joint observation follow it.</summary>
    public List<string>? JointNames { get; set; }

    /// <summary>rad; the home pose (legged_gym's default_joint_angles, Isaac Lab's init_state.joint_pos).</summary>
    public object? DefaultJointPos { get; set; }

    /// <summary>rad, [min, max].</summary>
    public object? PositionLimitRad { get; set; }

    public object? VelocityLimitRadS { get; set; }

    /// <summary>rad per unit of raw policy output (legged_gym's control.action_scale).</summary>
    public object? ActionScale { get; set; }

    /// <summary>Raw outputs are clamped to +-clip_actions (legged_gym's normalization.clip_actions).</summary>
    public double? ClipActions { get; set; }

    /// <summary>position_offset or position_delta.</summary>
    public string? ActionMode { get; set; }

    /// <summary>s; give it, or sim_dt and decimation.</summary>
    public double? ControlPeriodS { get; set; }

    public double? SimDt { get; set; }

    public int? Decimation { get; set; }

    public int? ActionRepeat { get; set; }

    /// <summary>Default symmetric clip of every observation field (legged_gym's normalization.clip_observations).</summary>
    public double? ClipObservations { get; set; }

    /// <summary>The policy input's fields, in order.</summary>
    public List<PolicySidecarField>? Observation { get; set; }

    /// <summary>Tensor names, for an ONNX model only.</summary>
    public PolicySidecarOnnx? Onnx { get; set; }
}
