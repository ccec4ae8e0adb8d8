using System.Globalization;
using System.Text;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Learning.Tests.Policies;

/// <summary>
/// The sidecar a user would write for a policy trained on arm6's reach task elsewhere: arm6's joints, home pose,
/// limits and action scales, its timing, and the reach layout, in the format of docs/policies.md.
/// </summary>
internal static class Arm6Sidecar
{
    /// <param name="onnx">Tensor names for an ONNX graph; null for TorchScript.</param>
    public static string Write(RobotSpec robot, (string Input, string Output)? onnx)
    {
        var inv = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder();
        void Line(string s) => yaml.Append(s).Append('\n');
        string Map(Func<JointSpec, string> value) => "{ " + string.Join(", ", robot.Joints.Select(j => $"{j.Name}: {value(j)}")) + " }";
        string Number(double v) => v.ToString("R", inv);

        Line($"robot: {robot.Name}");
        Line($"joint_names: [{string.Join(", ", robot.JointNames)}]");
        Line($"default_joint_pos: {Map(j => Number(j.HomeRad))}");
        Line($"position_limit_rad: {Map(j => $"[{Number(j.PositionLimitRad.Min)}, {Number(j.PositionLimitRad.Max)}]")}");
        Line($"velocity_limit_rad_s: {Map(j => Number(j.VelocityLimitRadS))}");
        Line($"action_scale: {Map(j => Number(j.ActionScaleRad))}");
        Line("clip_actions: 1.0   # the actor's tanh output is its own clamp");
        Line("action_mode: position_offset");
        Line($"control_period_s: {Number(robot.Control.PeriodS)}");
        Line($"action_repeat: {robot.Control.ActionRepeat}");
        Line("observation:");
        Line("  - { name: joint_pos, source: joint_position, offset: home }");
        Line("  - { name: joint_vel, source: joint_velocity }");
        Line("  - { name: previous_action, source: previous_action }");
        Line("  - { name: target, source: target_position }");
        Line("  - { name: end_effector, source: end_effector_position }");
        Line("  - { name: target_minus_end_effector, source: target_minus_end_effector }");
        if (onnx is { } names)
        {
            Line("onnx:");
            Line($"  input: {names.Input}");
            Line($"  output: {names.Output}");
        }

        return yaml.ToString();
    }
}
