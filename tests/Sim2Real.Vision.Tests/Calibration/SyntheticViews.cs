using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

/// <summary>
/// Photographs of a flat board by an ideal pinhole camera at known poses: the board image is mapped by the exact
/// plane-to-image homography K [r1 r2 t] (cv::warpPerspective), so the true intrinsics and poses are known.
/// </summary>
internal sealed class SyntheticViews(Image board, double metresPerPixel, double originXPx, double originYPx)
{
    public const int Width = 640;
    public const int Height = 480;

    public static CameraInfo Camera { get; } = CameraInfo.Pinhole("synthetic", Width, Height, 600, 600, 319.5, 239.5);

    /// <summary>A chessboard whose first inner corner is the origin, as OpenCV's object points are.</summary>
    public static SyntheticViews Chessboard(int innerColumns, int innerRows, double squareMetres)
    {
        const int squarePx = 40;
        const int margin = 40;
        var image = TestImages.Chessboard(innerColumns + 1, innerRows + 1, squarePx, margin);
        return new SyntheticViews(image, squareMetres / squarePx, margin + squarePx, margin + squarePx);
    }

    /// <summary>A ChArUco board whose outer corner is the origin (ChArUco corner coordinates start one square in).</summary>
    public static SyntheticViews Charuco(Charuco board)
    {
        const int squarePx = 60;
        const int margin = 30;
        var spec = board.Spec;
        var image = board.Draw((spec.SquaresX * squarePx) + (2 * margin), (spec.SquaresY * squarePx) + (2 * margin), margin);
        return new SyntheticViews(image, spec.SquareMeters / squarePx, margin, margin);
    }

    /// <summary>Varied viewpoints around the board's middle (<paramref name="centre"/>, metres on the board).</summary>
    public static IEnumerable<RigidTransform> Poses(int count, (double X, double Y) centre, double distance, int seed = 7)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var ax = (random.NextDouble() - 0.5) * 0.9;
            var ay = (random.NextDouble() - 0.5) * 0.9;
            var az = (random.NextDouble() - 0.5) * 0.6;
            var r = RigidTransform.FromRotationVector([ax, ay, az], [0, 0, 0]);
            var z = distance * (0.85 + (0.3 * random.NextDouble()));
            var shift = (x: (random.NextDouble() - 0.5) * 0.04, y: (random.NextDouble() - 0.5) * 0.04);
            // Put the board's centre on the optical axis (plus a small shift) at depth z.
            var c = r.Then(new RigidTransform(RigidTransform.Identity.R, [centre.X, centre.Y, 0])).T;
            yield return new RigidTransform(r.R, [shift.x - c[0] + r.T[0], shift.y - c[1] + r.T[1], z - c[2] + r.T[2]]);
        }
    }

    /// <summary>The board as the camera sees it with the board's pose <paramref name="boardInCamera"/>.</summary>
    public Image Photograph(RigidTransform boardInCamera, CameraInfo? camera = null)
    {
        var k = (camera ?? Camera).K;
        var r = boardInCamera.R;
        var t = boardInCamera.T;
        // Plane z = 0: columns r1, r2 and t of [R | t].
        double[] m = [r[0], r[1], t[0], r[3], r[4], t[1], r[6], r[7], t[2]];
        double[] a = [metresPerPixel, 0, -originXPx * metresPerPixel, 0, metresPerPixel, -originYPx * metresPerPixel, 0, 0, 1];
        var h = Multiply(Multiply(k, m), a);
        return ImageOps.WarpPerspective(board, h, Width, Height, border: 128, interpolation: Interpolation.Linear);
    }

    private static double[] Multiply(double[] x, double[] y)
    {
        var z = new double[9];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                z[(3 * i) + j] = (x[3 * i] * y[j]) + (x[(3 * i) + 1] * y[3 + j]) + (x[(3 * i) + 2] * y[6 + j]);
            }
        }

        return z;
    }
}
