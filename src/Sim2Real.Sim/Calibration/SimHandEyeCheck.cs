using System.Globalization;
using System.Text;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Sim.Calibration;

/// <summary>
/// Closes the hand-eye loop in the simulator: a camera rigidly mounted on a gripper at a known offset photographs a
/// fixed chessboard from many robot poses (MuJoCo renders, known camera placements); the poses and images are
/// written as a `calibrate handeye` input set, which must give back the mount.
/// </summary>
public static class SimHandEyeCheck
{
    /// <summary>The mount the check hides in the data: camera 4 cm forward, 3 cm up, tilted about two axes.</summary>
    public static RigidTransform TrueCameraInGripper { get; } = RigidTransform.FromRotationVector([0.1, -0.25, 0.05], [0.04, -0.01, 0.03]);

    /// <summary>Renders the views and writes images, camera_info and handeye.yaml into <paramref name="folder"/>; returns the input file.</summary>
    public static string WriteDataset(string folder, int views, double fovyDegrees = 45, int width = 640, int height = 480)
    {
        var spec = new ChessboardSpec(9, 6, 0.03);
        var viewpoints = ChessboardScene.Viewpoints(views, seed: 5);
        using var model = MjModel.FromXmlString(ChessboardScene.Xml(spec.Columns, spec.Rows, spec.SquareMeters, fovyDegrees, viewpoints), "handeye_chessboard.xml");
        using var data = model.CreateData();
        data.Forward();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = width, Height = height, Quality = RenderQuality.High });
        Directory.CreateDirectory(folder);

        // MuJoCo renders with pixel centres at +0.5 and the principal point at the image centre.
        var f = height / 2.0 / Math.Tan(fovyDegrees * Math.PI / 360);
        CameraInfoYaml.Write(Path.Combine(folder, "camera.yaml"), CameraInfo.Pinhole("sim", width, height, f, f, (width - 1) / 2.0, (height - 1) / 2.0));
        var inv = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder("setup: eye_in_hand\ncamera_info: camera.yaml\nboard: {pattern: chessboard, size: 9x6, square: 0.03}\nviews:\n");
        var gripperFromCamera = TrueCameraInGripper.Inverse();
        for (var i = 0; i < viewpoints.Count; i++)
        {
            var name = $"view{i:00}.png";
            ImageCodec.Write(Path.Combine(folder, name), renderer.Render(data, $"view{i}"));
            var gripper = OpticalFrame(viewpoints[i]).Then(gripperFromCamera);
            var q = gripper.Quaternion();
            yaml.Append(inv, $"  - image: {name}\n    gripper_pose:\n      position: [{gripper.T[0]:R}, {gripper.T[1]:R}, {gripper.T[2]:R}]\n      orientation: [{q[0]:R}, {q[1]:R}, {q[2]:R}, {q[3]:R}]\n");
        }

        var input = Path.Combine(folder, "handeye.yaml");
        File.WriteAllText(input, yaml.ToString());
        return input;
    }

    /// <summary>
    /// The camera's optical frame in the world (OpenCV: x right, y down, z forward); MuJoCo's camera frame has y up
    /// and looks along -z, a half turn about x away.
    /// </summary>
    public static RigidTransform OpticalFrame(ChessboardScene.Viewpoint v)
    {
        var (x, y) = (v.X, v.Y);
        double[] z = [(x[1] * y[2]) - (x[2] * y[1]), (x[2] * y[0]) - (x[0] * y[2]), (x[0] * y[1]) - (x[1] * y[0])];
        // Columns x, -y, -z.
        return new RigidTransform([x[0], -y[0], -z[0], x[1], -y[1], -z[1], x[2], -y[2], -z[2]], [.. v.Position]);
    }
}
