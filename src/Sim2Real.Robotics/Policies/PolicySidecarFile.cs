using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Robotics.Configuration;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Policies;

/// <summary>
/// Reads the sidecar YAML beside a policy exported by another trainer (policy.onnx + policy.yaml, policy_1.pt +
/// policy_1.yaml) into a <see cref="PolicyManifest"/>, so that such a policy is described and checked exactly like
/// our own policy files. The format, in legged_gym's and Isaac Lab's words, is documented in docs/policies.md.
/// Every field is checked at load; unknown fields are refused (a typo must not leave a joint unscaled).
/// </summary>
public static class PolicySidecarFile
{
    /// <summary>The robot files' hash is unknown for a policy trained elsewhere; compatibility warns about it.</summary>
    public const string ExternalContentHash = "external";

    /// <summary>The sidecar of a model file: the same name with .yaml.</summary>
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".yaml");

    /// <param name="kind"><see cref="PolicySidecar.OnnxKind"/> or <see cref="PolicySidecar.TorchScriptKind"/>.</param>
    /// <exception cref="InvalidConfigException">The sidecar is missing or a field is missing, unknown or invalid; names the file and field.</exception>
    public static PolicySidecar Read(string modelPath, string kind)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        var path = PathFor(modelPath);
        if (!File.Exists(path))
        {
            throw new InvalidConfigException(path, "(file)",
                $"not found: {modelPath} needs a sidecar YAML beside it giving its robot, joints, timing and observation layout (see docs/policies.md)");
        }

        return Parse(File.ReadAllText(path), path, modelPath, kind);
    }

    /// <inheritdoc cref="Read"/>
    public static PolicySidecar Parse(string yaml, string source, string modelPath, string kind)
    {
        if (kind is not (PolicySidecar.OnnxKind or PolicySidecar.TorchScriptKind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "onnx or torchscript");
        }

        var d = YamlConfigReader.ReadText<PolicySidecarDocument>(yaml, source);
        var robot = Required(d.Robot, source, "robot");
        var joints = JointNames(d.JointNames, source);
        var home = SidecarValues.PerJoint(d.DefaultJointPos, joints, source, "default_joint_pos");
        var limits = SidecarValues.PerJointPair(d.PositionLimitRad, joints, source, "position_limit_rad");
        var velocity = SidecarValues.PerJoint(d.VelocityLimitRadS, joints, source, "velocity_limit_rad_s");
        var scale = SidecarValues.PerJoint(d.ActionScale, joints, source, "action_scale");
        for (var j = 0; j < joints.Count; j++)
        {
            if (!(home[j] >= limits[j][0] && home[j] <= limits[j][1]))
            {
                throw new InvalidConfigException(source, "default_joint_pos",
                    Inv($"joint '{joints[j]}': {home[j]} lies outside position_limit_rad [{limits[j][0]}, {limits[j][1]}]"));
            }

            ConfigChecks.Positive(source, $"velocity_limit_rad_s ({joints[j]})", velocity[j]);
            ConfigChecks.Positive(source, $"action_scale ({joints[j]})", scale[j]);
        }

        var clipActions = d.ClipActions ?? throw new InvalidConfigException(source, "clip_actions",
            "missing: raw outputs are clamped to +-clip_actions (legged_gym's normalization.clip_actions; give Isaac Lab's bound explicitly)");
        ConfigChecks.Positive(source, "clip_actions", clipActions);
        var mode = ActionModeOf(d.ActionMode, source);
        var timing = Timing(d, source);
        var layout = ObservationLayout.Create(Fields(d, clipActions, source), joints.Count, source);
        var (input, output) = TensorNames(d.Onnx, kind, source);

        var model = Path.GetFileName(modelPath);
        var manifest = new PolicyManifest
        {
            Robot = new PolicyRobot
            {
                Name = robot,
                ContentHash = ExternalContentHash,
                ActionMode = mode,
                Joints = joints.Select((name, j) => new PolicyJoint
                {
                    Name = name,
                    HomeRad = home[j],
                    ActionScaleRad = scale[j] * clipActions,
                    PositionLimitRad = limits[j],
                    VelocityLimitRadS = velocity[j],
                }).ToList(),
            },
            Timing = timing,
            Observation = PolicyObservation.From(layout, camera: null),
            ActionSize = joints.Count,
            Agent = new PolicyAgent
            {
                Kind = kind,
                ObsShape = [layout.Size],
                FeatureDim = 0,
                HiddenDim = 0,
                Networks =
                [
                    new PolicyNetwork("policy", model, kind == PolicySidecar.OnnxKind
                        ? $"onnx graph: input '{input}' float32[batch, {layout.Size}] -> output '{output}' float32[batch, {joints.Count}]"
                        : $"torchscript module: forward(float32[1, {layout.Size}]) -> float32[1, {joints.Count}]"),
                ],
                Settings = new Dictionary<string, double> { ["clip_actions"] = clipActions },
            },
        };
        return new PolicySidecar
        {
            Manifest = manifest,
            Path = source,
            ModelPath = modelPath,
            ClipActions = clipActions,
            InputName = input,
            OutputName = output,
        };
    }

    private static List<string> JointNames(List<string>? names, string source)
    {
        if (names is null || names.Count == 0)
        {
            throw new InvalidConfigException(source, "joint_names", "missing: list the joints in the policy's action order");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || !seen.Add(names[i]))
            {
                throw new InvalidConfigException(source, $"joint_names[{i}]", $"joint names must be unique and non-empty, got '{names[i]}'");
            }
        }

        return names;
    }

    private static ActionMode ActionModeOf(string? text, string source) => text switch
    {
        "position_offset" => ActionMode.PositionOffset,
        "position_delta" => ActionMode.PositionDelta,
        null => throw new InvalidConfigException(source, "action_mode", "missing: position_offset (target = default_joint_pos + scale x action, as legged_gym and Isaac Lab) or position_delta"),
        _ => throw new InvalidConfigException(source, "action_mode", $"'{text}' is neither position_offset nor position_delta"),
    };

    private static PolicyTiming Timing(PolicySidecarDocument d, string source)
    {
        double period;
        if (d.ControlPeriodS is { } given)
        {
            if (d.SimDt is not null || d.Decimation is not null)
            {
                throw new InvalidConfigException(source, "control_period_s", "give control_period_s, or sim_dt and decimation, not both");
            }

            period = given;
        }
        else
        {
            var dt = d.SimDt ?? throw new InvalidConfigException(source, "control_period_s", "missing: give control_period_s, or sim_dt and decimation (the control period is sim_dt x decimation)");
            var decimation = d.Decimation ?? throw new InvalidConfigException(source, "decimation", "missing: the control period is sim_dt x decimation");
            ConfigChecks.Positive(source, "sim_dt", dt);
            if (decimation < 1)
            {
                throw new InvalidConfigException(source, "decimation", $"must be 1 or more, got {decimation}");
            }

            period = dt * decimation;
        }

        if (!double.IsFinite(period) || period is < 1e-4 or > 1)
        {
            throw new InvalidConfigException(source, d.ControlPeriodS is null ? "sim_dt" : "control_period_s", Inv($"the control period must be in [0.0001, 1] s, got {period}"));
        }

        var repeat = d.ActionRepeat ?? 1;
        if (repeat is < 1 or > 100)
        {
            throw new InvalidConfigException(source, "action_repeat", $"must be 1..100, got {repeat}");
        }

        return new PolicyTiming { ControlPeriodS = period, ActionRepeat = repeat };
    }

    private static List<ObservationField> Fields(PolicySidecarDocument d, double clipActions, string source)
    {
        if (d.ClipObservations is { } all)
        {
            ConfigChecks.Positive(source, "clip_observations", all);
        }

        var fields = d.Observation;
        if (fields is null || fields.Count == 0)
        {
            throw new InvalidConfigException(source, "observation", "missing: list the policy input's fields in order");
        }

        var result = new List<ObservationField>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var where = $"observation[{i}]";
            var f = fields[i] ?? throw new InvalidConfigException(source, where, "an empty field");
            var name = Required(f.Name, source, $"{where}.name");
            var sourceName = Required(f.Source, source, $"{where}.source");
            var kind = ObservationSources.Parse(sourceName)
                ?? throw new InvalidConfigException(source, $"{where}.source",
                    $"unknown source '{sourceName}'; known: {string.Join(", ", ObservationSources.All.Select(ObservationSources.Name))}");
            var scale = f.Scale is null ? [] : SidecarValues.Numbers(f.Scale, source, $"{where}.scale");
            var home = f.Offset is "home";
            var offset = f.Offset is null || home ? [] : SidecarValues.Numbers(f.Offset, source, $"{where}.offset");
            if (kind == ObservationSource.PreviousAction && clipActions != 1)
            {
                // The trainer fed back its clamped raw output; the layout's previous action is that divided by clip_actions.
                scale = scale.Length == 0 ? [clipActions] : scale.Select(s => s * clipActions).ToArray();
                offset = offset.Select(o => o / clipActions).ToArray();
            }

            result.Add(new ObservationField
            {
                Name = name,
                Source = kind,
                Size = f.Size ?? 0,
                Scale = scale,
                OffsetHome = home,
                Offset = offset,
                Clip = f.Clip ?? d.ClipObservations,
            });
        }

        return result;
    }

    private static (string? Input, string? Output) TensorNames(PolicySidecarOnnx? onnx, string kind, string source)
    {
        if (kind == PolicySidecar.TorchScriptKind)
        {
            return onnx is null
                ? (null, null)
                : throw new InvalidConfigException(source, "onnx", "a TorchScript policy has no tensor names; remove the section");
        }

        var section = onnx ?? throw new InvalidConfigException(source, "onnx", "missing: give the graph's input and output names (Isaac Lab exports 'obs' and 'actions')");
        return (Required(section.Input, source, "onnx.input"), Required(section.Output, source, "onnx.output"));
    }

    private static string Required(string? value, string source, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidConfigException(source, field, "missing") : value;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
