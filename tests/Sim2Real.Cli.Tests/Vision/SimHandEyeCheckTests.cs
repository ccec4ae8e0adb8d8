using System.Globalization;
using Sim2Real.Cli.Tests.Commands;
using Sim2Real.Cli.Vision;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Cli.Tests.Vision;

[Collection(ConsoleCollection.Name)]
public class SimHandEyeCheckTests
{
    [Fact]
    public void Calibrate_handeye_recovers_the_camera_mount_from_mujoco_renders_and_robot_poses()
    {
        var folder = Path.Combine(Path.GetTempPath(), "s2r-handeye-" + Guid.NewGuid().ToString("N"));
        var input = SimHandEyeCheck.WriteDataset(folder, views: 12);
        var output = Path.Combine(folder, "result.yaml");

        var (code, stdout, stderr) = CliRunner.Run("calibrate", "handeye", "--input", input, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("views: 12 used, 0 rejected", stdout, StringComparison.Ordinal);
        var solved = ReadPose(output);
        var truth = SimHandEyeCheck.TrueCameraInGripper;
        Assert.True(solved.DistanceTo(truth) < 0.003, $"translation off by {solved.DistanceTo(truth) * 1000:0.###} mm");
        Assert.True(solved.AngleTo(truth) < 0.3, $"rotation off by {solved.AngleTo(truth):0.###} deg");
    }

    private static RigidTransform ReadPose(string path)
    {
        var lines = File.ReadAllLines(path);
        double[] Values(string key) => lines.Single(l => l.StartsWith(key, StringComparison.Ordinal))
            .Split('[', ']')[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return RigidTransform.FromQuaternion(Values("position:"), Values("orientation:"));
    }
}
