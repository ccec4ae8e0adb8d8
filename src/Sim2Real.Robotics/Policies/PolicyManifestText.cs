using System.Globalization;
using System.Text;

namespace Sim2Real.Robotics.Policies;

/// <summary>A manifest as people read it (<c>policy info</c>, log metadata), laid out like <c>ros2 interface show</c>.</summary>
public static class PolicyManifestText
{
    public static string Describe(PolicyManifest manifest, string path)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        void Line(string s) => text.Append(s).Append('\n');
        Line($"policy: {path}");
        Line($"schema: {manifest.Schema}");
        Line($"robot: {manifest.Robot.Name}");
        Line($"  content_hash: {manifest.Robot.ContentHash}");
        Line($"  action_mode: {Snake(manifest.Robot.ActionMode.ToString())}");
        if (manifest.Robot.EndEffectorSite is { } site)
        {
            Line($"  end_effector_site: {site}");
        }

        Line("  joints (action order):");
        foreach (var j in manifest.Robot.Joints)
        {
            Line(string.Create(inv, $"    {j.Name,-16} home {j.HomeRad,8:0.####} rad  scale {j.ActionScaleRad,6:0.###} rad  limits [{j.PositionLimitRad[0]:0.###}, {j.PositionLimitRad[1]:0.###}] rad  velocity <= {j.VelocityLimitRadS:0.###} rad/s"));
        }

        Line("timing:");
        Line(string.Create(inv, $"  control_period_s: {manifest.Timing.ControlPeriodS:0.######}  ({1 / manifest.Timing.ControlPeriodS:0.##} Hz)"));
        Line(string.Create(inv, $"  action_repeat: {manifest.Timing.ActionRepeat}"));
        Line(string.Create(inv, $"  policy_period_s: {manifest.Timing.PolicyPeriodS:0.######}  ({1 / manifest.Timing.PolicyPeriodS:0.##} Hz)"));
        Line(string.Create(inv, $"observation: state float32[{manifest.Observation.StateSize}]"));
        foreach (var f in manifest.Observation.Fields)
        {
            var extras = new List<string>();
            if (f.OffsetHome)
            {
                extras.Add("minus home");
            }

            if (f.Offset.Count > 0)
            {
                extras.Add("offset [" + string.Join(", ", f.Offset.Select(v => v.ToString("0.####", inv))) + "]");
            }

            if (f.Scale.Count > 0)
            {
                extras.Add("scale [" + string.Join(", ", f.Scale.Select(v => v.ToString("0.####", inv))) + "]");
            }

            if (f.Clip is { } clip)
            {
                extras.Add(string.Create(inv, $"clip +-{clip:0.###}"));
            }

            Line($"  {f.Name,-26} {f.Source}[{f.Size}]  sampled {f.Timing}{(extras.Count > 0 ? "  " + string.Join(", ", extras) : "")}");
        }

        if (manifest.Observation.Camera is { } c)
        {
            Line($"  pixels uint8[{3 * c.FrameStack}, {c.OutputHeight}, {c.OutputWidth}] from camera '{c.Name}'");
            Line($"    input {c.Width}x{c.Height}{(c.Crop is { } crop ? $", crop {crop[2]}x{crop[3]}+{crop[0]}+{crop[1]}" : "")}, resize ({c.Resize}) to {c.OutputWidth}x{c.OutputHeight}, {c.Order}, stack {c.FrameStack}");
        }
        else
        {
            Line("  pixels: none (state policy)");
        }

        if (manifest.Observation.Privileged.Count > 0)
        {
            Line($"  privileged (training only): {string.Join(", ", manifest.Observation.Privileged)}");
        }

        Line($"action: float32[{manifest.ActionSize}] in [-1, 1]");
        Line($"agent: {manifest.Agent.Kind}");
        Line($"  obs_shape: [{string.Join(", ", manifest.Agent.ObsShape)}]  feature_dim: {manifest.Agent.FeatureDim}  hidden_dim: {manifest.Agent.HiddenDim}");
        foreach (var (key, value) in manifest.Agent.Settings)
        {
            Line(string.Create(inv, $"  {key}: {value}"));
        }

        Line("  networks:");
        foreach (var n in manifest.Agent.Networks)
        {
            Line($"    {n.Name,-10} {n.Prefix,-12} {n.Role}");
        }

        if (manifest.Training is { } t)
        {
            Line("training:");
            Line($"  command: {t.Command}");
            Line(string.Create(inv, $"  frames: {t.Frames}  seed: {t.Seed}{(t.EvalSuccess is { } s ? $"  held-out success: {s:P0}" : "")}"));
            Line($"  git_commit: {(t.GitCommit.Length > 0 ? t.GitCommit : "(unknown)")}");
            Line($"  run_dir: {t.RunDirectory}");
            Line($"  host: {t.Host}  created: {t.CreatedUtc.ToString("u", inv)}");
        }

        return text.ToString();
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
