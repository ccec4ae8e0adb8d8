using System.Globalization;
using System.Text;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// The solved camera pose: in the gripper frame (eye-in-hand) or the robot base frame (eye-to-hand). The spread is
/// how far apart the per-view estimates of the fixed board (eye-in-hand) or the held board (eye-to-hand) lie:
/// a consistency check in metres and degrees, small when the poses and images agree.
/// </summary>
public sealed record HandEyeResult(
    HandEyeSetup Setup,
    HandEyeMethod Method,
    RigidTransform CameraPose,
    int ViewsUsed,
    IReadOnlyList<RejectedView> Rejected,
    double SpreadMeters,
    double SpreadDegrees)
{
    public string ParentFrame => Setup == HandEyeSetup.EyeInHand ? "gripper" : "base";

    public string ToYaml()
    {
        static string List(IEnumerable<double> v) => "[" + string.Join(", ", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
        var s = new StringBuilder();
        s.Append("# camera pose from sim2real calibrate handeye (cv::calibrateHandEye)\n");
        s.Append("setup: ").Append(Setup == HandEyeSetup.EyeInHand ? "eye_in_hand" : "eye_to_hand").Append('\n');
        s.Append("method: ").Append(Method.ToString().ToLowerInvariant()).Append('\n');
        s.Append("parent_frame: ").Append(ParentFrame).Append('\n');
        s.Append("child_frame: camera_optical\n");
        s.Append("position: ").Append(List(CameraPose.T)).Append("  # metres\n");
        s.Append("orientation: ").Append(List(CameraPose.Quaternion())).Append("  # x, y, z, w\n");
        s.Append("views_used: ").Append(ViewsUsed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("spread_m: ").Append(SpreadMeters.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        s.Append("spread_deg: ").Append(SpreadDegrees.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return s.ToString();
    }
}
