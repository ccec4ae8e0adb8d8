using System.Globalization;
using System.Text.RegularExpressions;
using Sim2Real.Sim.Calibration;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed partial class CalibrateHandEyeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("s2r-handeye-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Calibrate_handeye_recovers_the_camera_mount_from_mujoco_renders_and_robot_poses()
    {
        var input = SimHandEyeCheck.WriteDataset(_folder, views: 12);
        var output = Path.Combine(_folder, "result.yaml");

        var (code, stdout, stderr) = CliRunner.Run("calibrate", "handeye", "--input", input, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("views: 12 used, 0 rejected", stdout, StringComparison.Ordinal);
        var solved = ReadPose(output);
        var truth = SimHandEyeCheck.TrueCameraInGripper;
        Assert.True(solved.DistanceTo(truth) < 0.003, $"translation off by {solved.DistanceTo(truth) * 1000:0.###} mm");
        Assert.True(solved.AngleTo(truth) < 0.3, $"rotation off by {solved.AngleTo(truth):0.###} deg");
    }

    [Fact]
    public void Views_all_at_one_gripper_pose_are_refused_with_the_reason_and_no_result_is_written()
    {
        var input = SimHandEyeCheck.WriteDataset(_folder, views: 5);
        var yaml = File.ReadAllText(input);
        var first = PoseBlock().Match(yaml).Value;
        File.WriteAllText(input, PoseBlock().Replace(yaml, first));
        var output = Path.Combine(_folder, "result.yaml");

        var (code, _, stderr) = CliRunner.Run("calibrate", "handeye", "--input", input, "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("barely rotates", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private static RigidTransform ReadPose(string path)
    {
        var lines = File.ReadAllLines(path);
        double[] Values(string key) => lines.Single(l => l.StartsWith(key, StringComparison.Ordinal))
            .Split('[', ']')[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return RigidTransform.FromQuaternion(Values("position:"), Values("orientation:"));
    }

    [GeneratedRegex(@"    gripper_pose:\n      position: \[[^\]]*\]\n      orientation: \[[^\]]*\]\n")]
    private static partial Regex PoseBlock();
}
