using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public class SyntheticCalibrationTests
{
    [Fact]
    public void Chessboard_views_of_a_known_camera_recover_its_focal_length()
    {
        var views = SyntheticViews.Chessboard(9, 6, 0.025);
        var calibrator = new IntrinsicsCalibrator(new Chessboard(new ChessboardSpec(9, 6, 0.025)));
        var i = 0;
        foreach (var pose in SyntheticViews.Poses(12, (0.1, 0.0625), 0.45))
        {
            calibrator.AddView($"view{i++}", views.Photograph(pose));
        }

        var result = calibrator.Solve("synthetic");

        Assert.Empty(result.Rejected);
        Assert.InRange(result.Camera.Fx / 600, 0.995, 1.005);
        Assert.InRange(result.Camera.Fy / 600, 0.995, 1.005);
        Assert.InRange(result.Camera.Cx, 315.5, 323.5);
        Assert.True(result.RmsErrorPixels < 0.3, $"RMS {result.RmsErrorPixels} px");
    }

    [Fact]
    public void Charuco_views_of_a_known_camera_recover_its_focal_length()
    {
        var board = new Charuco(new CharucoSpec(7, 5, 0.04, 0.03, "DICT_4X4_50").Validate("test"));
        var views = SyntheticViews.Charuco(board);
        var calibrator = new IntrinsicsCalibrator(board);
        var i = 0;
        foreach (var pose in SyntheticViews.Poses(10, (0.14, 0.1), 0.7))
        {
            calibrator.AddView($"view{i++}", views.Photograph(pose));
        }

        var result = calibrator.Solve("synthetic");

        Assert.True(result.Views.Count >= 8, $"{result.Views.Count} views used; rejected: {string.Join(", ", result.Rejected)}");
        Assert.InRange(result.Camera.Fx / 600, 0.99, 1.01);
        Assert.InRange(result.Camera.Fy / 600, 0.99, 1.01);
    }

    [Fact]
    public void Hand_eye_recovers_a_known_camera_mount_from_synthetic_robot_poses()
    {
        var dir = TestData.TempDirectory();
        var camera = SyntheticViews.Camera;
        CameraInfoYaml.Write(Path.Combine(dir, "wrist.yaml"), camera);
        // Camera 5 cm forward, 2 cm left and 10 cm along the tool axis, tilted 20 degrees about the gripper's y axis.
        var cameraInGripper = RigidTransform.FromRotationVector([0.05, 0.35, -0.1], [0.05, -0.02, 0.10]);
        var boardInBase = RigidTransform.FromRotationVector([0, 0, 0.3], [0.6, 0.1, 0.0]);
        var views = SyntheticViews.Chessboard(9, 6, 0.025);
        var yaml = new System.Text.StringBuilder("setup: eye_in_hand\ncamera_info: wrist.yaml\nboard: {pattern: chessboard, size: 9x6, square: 0.025}\nviews:\n");
        var i = 0;
        // Half the views see the board upside down: with 9x6 inner corners (10x7 squares, corner squares of different
        // colours) OpenCV orders the corners by the board, not the image, so every view gives the same board frame.
        var upsideDown = RigidTransform.FromRotationVector([0, 0, Math.PI], [0, 0, 0]);
        foreach (var pose in SyntheticViews.Poses(10, (0.1, 0.0625), 0.45, seed: 11))
        {
            var boardInCamera = i % 2 == 0 ? pose : upsideDown.Then(pose);
            var cameraInBase = boardInBase.Then(boardInCamera.Inverse());
            var gripperInBase = cameraInBase.Then(cameraInGripper.Inverse());
            var name = $"view{i++:00}.png";
            ImageCodec.Write(Path.Combine(dir, name), views.Photograph(boardInCamera));
            var q = gripperInBase.Quaternion();
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"  - image: {name}\n    gripper_pose:\n      position: [{gripperInBase.T[0]:R}, {gripperInBase.T[1]:R}, {gripperInBase.T[2]:R}]\n      orientation: [{q[0]:R}, {q[1]:R}, {q[2]:R}, {q[3]:R}]\n");
        }

        File.WriteAllText(Path.Combine(dir, "handeye.yaml"), yaml.ToString());

        var result = HandEyeCalibrator.Solve(HandEyeInput.Read(Path.Combine(dir, "handeye.yaml")));

        Assert.Equal(10, result.ViewsUsed);
        Assert.True(result.CameraPose.DistanceTo(cameraInGripper) < 0.002, $"translation off by {result.CameraPose.DistanceTo(cameraInGripper) * 1000:0.###} mm");
        Assert.True(result.CameraPose.AngleTo(cameraInGripper) < 0.2, $"rotation off by {result.CameraPose.AngleTo(cameraInGripper):0.###} deg");
        Assert.True(result.SpreadMeters < 0.003, $"board estimates spread {result.SpreadMeters * 1000:0.###} mm");
    }

    [Fact]
    public void Hand_eye_input_errors_name_the_file_and_field()
    {
        var dir = TestData.TempDirectory();
        CameraInfoYaml.Write(Path.Combine(dir, "cam.yaml"), SyntheticViews.Camera);
        var path = Path.Combine(dir, "handeye.yaml");
        File.WriteAllText(path, "setup: eye_in_hand\ncamera_info: cam.yaml\nboard: {size: 9x6, square: 0.025}\nviews:\n  - image: a.png\n    gripper_pose: {position: [0, 0, 0], orientation: [0, 0, 0, 2]}\n");

        var e = Assert.Throws<Sim2Real.Core.InvalidConfigException>(() => HandEyeInput.Read(path));

        Assert.Equal(path, e.Origin);
        Assert.Equal("views[0].gripper_pose.orientation", e.Field);
        Assert.Contains("unit quaternion", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rigid_transforms_round_trip_through_quaternions_and_inverses()
    {
        var t = RigidTransform.FromRotationVector([0.3, -1.2, 2.0], [1, 2, 3]);

        var back = RigidTransform.FromQuaternion(t.T, t.Quaternion());
        var identity = t.Then(t.Inverse());

        Assert.True(back.AngleTo(t) < 1e-6);
        Assert.True(identity.AngleTo(RigidTransform.Identity) < 1e-6);
        Assert.True(identity.DistanceTo(RigidTransform.Identity) < 1e-12);
    }
}
