using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Tests.Policies;

public class PolicySidecarTests
{
    private const string Source = "policy_1.yaml";

    /// <summary>The commented example in docs/policies.md, so the documentation cannot drift from the reader.</summary>
    private static readonly string Documented = DocumentedExample();

    [Fact]
    public void The_documented_legged_gym_sidecar_reads_into_a_manifest_that_fits_quad12()
    {
        var sidecar = PolicySidecarFile.Parse(Documented, Source, "policy_1.pt", PolicySidecar.TorchScriptKind);
        var manifest = sidecar.Manifest;

        var warnings = PolicyCompatibility.Check(manifest, Robots.Quad12, Source, actionRepeat: 1);

        Assert.Equal("quad12", manifest.Robot.Name);
        Assert.Equal(Robots.Quad12.JointNames, manifest.Robot.Joints.Select(j => j.Name));
        Assert.Equal(Robots.Quad12.Home(), manifest.Robot.Joints.Select(j => j.HomeRad));
        Assert.All(manifest.Robot.Joints, j => Assert.Equal(0.25, j.ActionScaleRad));
        Assert.Equal([-2.6, -0.6], manifest.Robot.Joints[2].PositionLimitRad);
        Assert.Equal((0.02, 1), (manifest.Timing.ControlPeriodS, manifest.Timing.ActionRepeat));
        Assert.Equal(48, manifest.Observation.StateSize);
        Assert.Equal([48L], manifest.Agent.ObsShape);
        Assert.Equal(("torchscript", 12), (manifest.Agent.Kind, manifest.ActionSize));
        Assert.Equal(["base_lin_vel", "base_ang_vel", "projected_gravity", "commands", "dof_pos", "dof_vel", "actions"], manifest.Observation.Fields.Select(f => f.Name));
        Assert.Equal([2.0, 2.0, 0.25], manifest.Observation.Fields[3].Scale);
        Assert.True(manifest.Observation.Fields[4].OffsetHome);
        Assert.All(manifest.Observation.Fields, f => Assert.Equal(100.0, f.Clip));
        Assert.Null(sidecar.InputName);
        Assert.Single(warnings);
        Assert.Contains("hash external", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_sidecar_manifest_survives_its_json_so_policy_info_json_prints_it_whole()
    {
        var manifest = PolicySidecarFile.Parse(Documented, Source, "policy_1.pt", PolicySidecar.TorchScriptKind).Manifest;

        var back = PolicyManifest.FromJson(manifest.ToJson(), Source);

        Assert.Equal(manifest.ToJson(), back.ToJson());
        Assert.Equal(48, back.Observation.Layout(12, Source).Size);
    }

    [Fact]
    public void A_clip_actions_bound_scales_the_joint_action_scale_and_the_fed_back_previous_action()
    {
        var yaml = Documented.Replace("clip_actions: 1.0", "clip_actions: 100.0", StringComparison.Ordinal)
            .Replace("- { name: actions, source: previous_action }", "- { name: actions, source: previous_action, scale: 0.5, offset: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] }", StringComparison.Ordinal);

        var sidecar = PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind);
        var previous = sidecar.Manifest.Observation.Fields[^1];
        Span<float> raw = [50f, -100f, float.NaN, float.PositiveInfinity];
        sidecar.Normalize(raw);

        Assert.All(sidecar.Manifest.Robot.Joints, j => Assert.Equal(25.0, j.ActionScaleRad));
        Assert.Equal([50.0], previous.Scale);
        Assert.Equal(0.02, previous.Offset[^1]);
        Assert.Equal(100.0, sidecar.Manifest.Agent.Settings["clip_actions"]);
        Assert.Equal([0.5f, -1f], raw[..2].ToArray());
        Assert.True(float.IsNaN(raw[2]));
        Assert.Equal(float.PositiveInfinity, raw[3]);
    }

    [Fact]
    public void A_legged_gym_clip_actions_of_100_does_not_fit_a_robot_that_maps_a_unit_action_to_a_quarter_radian()
    {
        var manifest = PolicySidecarFile.Parse(Documented.Replace("clip_actions: 1.0", "clip_actions: 100.0", StringComparison.Ordinal), Source, "policy_1.pt", PolicySidecar.TorchScriptKind).Manifest;

        var error = Assert.Throws<PolicyMismatchException>(() => PolicyCompatibility.Check(manifest, Robots.Quad12, Source, actionRepeat: 1));

        Assert.Contains("joint 'FL_hip' action_scale_rad is 25 in the policy and 0.25 on the robot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sidecar_layout_builds_legged_gym_observations_from_joint_states()
    {
        var sidecar = PolicySidecarFile.Parse(Documented, Source, "policy_1.pt", PolicySidecar.TorchScriptKind);
        var layout = sidecar.Manifest.Observation.Layout(12, Source);
        var builder = new ObservationBuilder(layout, Robots.Quad12);
        var inputs = new ObservationInputs(12);
        Robots.Quad12.Home().CopyTo(inputs.JointPositions, 0);
        inputs.JointPositions[1] += 0.1;
        inputs.JointVelocities[0] = 10_000;
        inputs.VelocityCommand[2] = 1.0;
        inputs.PreviousAction[0] = -0.5f;
        var state = new float[layout.Size];

        builder.Build(inputs, state);

        Assert.Equal(0.25f, layout.Slice(state, "commands")[2]);
        Assert.Equal((float)(0.8 + 0.1 - 0.8), layout.Slice(state, "dof_pos")[1]);
        Assert.Equal(100f, layout.Slice(state, "dof_vel")[0]);
        Assert.Equal(-0.5f, layout.Slice(state, "actions")[0]);
        Assert.Equal(-1f, layout.Slice(state, "projected_gravity")[2]);
    }

    [Fact]
    public void A_joint_matched_by_two_keys_is_refused_naming_the_joint_and_both_keys()
    {
        var yaml = Documented.Replace("\".*_hip\": 0.0", "\".*_hip\": 0.0\n  \"FL_.*\": 0.1", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Equal("default_joint_pos", error.Field);
        Assert.Contains("joint 'FL_hip' matches more than one key: '.*_hip', 'FL_.*'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_matches_no_joint_is_refused_as_a_typo()
    {
        var yaml = Documented.Replace("\".*_hip\": 0.0", "\".*_hip\": 0.0\n  \".*_foot\": 0.0", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Contains("'.*_foot' matches none of joint_names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_joint_no_key_matches_is_refused_naming_the_joint()
    {
        var yaml = Documented.Replace("  \".*_calf\": -1.5\n", "", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Equal($"{Source}: default_joint_pos: no key matches joint 'FL_calf' (keys: '.*_hip', '.*_thigh')", error.Message);
    }

    [Fact]
    public void A_default_joint_position_outside_its_limits_is_refused()
    {
        var yaml = Documented.Replace("\".*_thigh\": 0.8", "\".*_thigh\": 2.5", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Contains("joint 'FL_thigh': 2.5 lies outside position_limit_rad [-1, 2.2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused_with_its_line()
    {
        var yaml = Documented.Replace("decimation: 4", "decimation: 4\nclip_action: 100", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.StartsWith($"{Source}: line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("clip_action", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_observation_source_is_refused_listing_the_known_ones()
    {
        var yaml = Documented.Replace("source: projected_gravity", "source: height_measurements", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Equal("observation[2].source", error.Field);
        Assert.Contains("unknown source 'height_measurements'; known: joint_position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_element_scale_of_the_wrong_length_is_refused_naming_the_field()
    {
        var yaml = Documented.Replace("scale: [2.0, 2.0, 0.25]", "scale: [2.0, 2.0]", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Equal("observation[3].scale", error.Field);
    }

    [Fact]
    public void The_control_period_is_sim_dt_times_decimation_or_given_but_not_both()
    {
        var given = Documented.Replace("sim_dt: 0.005", "control_period_s: 0.025", StringComparison.Ordinal).Replace("decimation: 4\n", "", StringComparison.Ordinal);
        var both = Documented.Replace("sim_dt: 0.005", "sim_dt: 0.005\ncontrol_period_s: 0.02", StringComparison.Ordinal);
        var neither = Documented.Replace("sim_dt: 0.005", "", StringComparison.Ordinal).Replace("decimation: 4\n", "", StringComparison.Ordinal);

        var timing = PolicySidecarFile.Parse(given, Source, "policy_1.pt", PolicySidecar.TorchScriptKind).Manifest.Timing;
        var twice = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(both, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));
        var missing = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(neither, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Equal(0.025, timing.ControlPeriodS);
        Assert.Contains("not both", twice.Message, StringComparison.Ordinal);
        Assert.Equal("control_period_s", missing.Field);
    }

    [Fact]
    public void An_onnx_sidecar_needs_the_tensor_names_and_a_torchscript_one_refuses_them()
    {
        var onnx = Documented.Replace("# onnx:\n#   input: obs\n#   output: actions", "onnx:\n  input: obs\n  output: actions", StringComparison.Ordinal);

        var named = PolicySidecarFile.Parse(onnx, "policy.yaml", "policy.onnx", PolicySidecar.OnnxKind);
        var unnamed = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(Documented, "policy.yaml", "policy.onnx", PolicySidecar.OnnxKind));
        var extra = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(onnx, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

        Assert.Equal(("obs", "actions"), (named.InputName, named.OutputName));
        Assert.Equal("onnx", named.Manifest.Agent.Kind);
        Assert.Contains("input 'obs' float32[batch, 48] -> output 'actions' float32[batch, 12]", named.Manifest.Agent.Networks[0].Role, StringComparison.Ordinal);
        Assert.Equal("onnx", unnamed.Field);
        Assert.Equal("onnx", extra.Field);
    }

    [Fact]
    public void A_missing_sidecar_is_refused_naming_it_and_the_model()
    {
        var model = Path.Combine(Path.GetTempPath(), $"s2r-no-sidecar-{Guid.NewGuid():N}", "policy.onnx");

        var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Read(model, PolicySidecar.OnnxKind));

        Assert.Equal(Path.ChangeExtension(model, ".yaml"), error.Origin);
        Assert.Contains($"{model} needs a sidecar YAML beside it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_fields_are_refused_one_by_one_naming_each()
    {
        string[] required = ["robot", "joint_names", "default_joint_pos", "position_limit_rad", "velocity_limit_rad_s", "action_scale", "clip_actions", "action_mode", "observation"];
        foreach (var field in required)
        {
            var yaml = WithoutKey(Documented, field);

            var error = Assert.Throws<InvalidConfigException>(() => PolicySidecarFile.Parse(yaml, Source, "policy_1.pt", PolicySidecar.TorchScriptKind));

            Assert.Equal(field, error.Field);
        }
    }

    /// <summary>The YAML with a top-level key and its indented block removed.</summary>
    private static string WithoutKey(string yaml, string key)
    {
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in yaml.Split('\n'))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                skipping = true;
                continue;
            }

            if (skipping && (line.StartsWith(' ') || line.StartsWith('-')))
            {
                continue;
            }

            skipping = false;
            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static string DocumentedExample()
    {
        var text = File.ReadAllText(Path.Combine(Robots.Root, "docs", "policies.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string Fence = "```yaml\n";
        var start = text.IndexOf(Fence, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/policies.md has no ```yaml example");
        start += Fence.Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
