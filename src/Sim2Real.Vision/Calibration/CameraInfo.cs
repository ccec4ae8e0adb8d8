namespace Sim2Real.Vision.Calibration;

/// <summary>
/// A calibrated monocular camera in ROS's sensor_msgs/CameraInfo terms: K (3x3), D, R (3x3), P (3x4), all row-major.
/// </summary>
public sealed record CameraInfo(
    string CameraName,
    int ImageWidth,
    int ImageHeight,
    double[] K,
    string DistortionModel,
    double[] D,
    double[] R,
    double[] P)
{
    public const string PlumbBob = "plumb_bob";

    public double Fx => K[0];

    public double Fy => K[4];

    public double Cx => K[2];

    public double Cy => K[5];

    /// <summary>An ideal pinhole camera with no distortion (a simulated camera).</summary>
    public static CameraInfo Pinhole(string name, int width, int height, double fx, double fy, double cx, double cy) =>
        new(name, width, height, [fx, 0, cx, 0, fy, cy, 0, 0, 1], PlumbBob, [0, 0, 0, 0, 0],
            [1, 0, 0, 0, 1, 0, 0, 0, 1], [fx, 0, cx, 0, 0, fy, cy, 0, 0, 0, 1, 0]);

    /// <summary>The left 3x3 of P: the camera matrix of the rectified image.</summary>
    public double[] RectifiedK() => [P[0], P[1], P[2], P[4], P[5], P[6], P[8], P[9], P[10]];
}
