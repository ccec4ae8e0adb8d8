using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision.Calibration;

/// <summary>Finds a chessboard with cv::findChessboardCorners, then refines the corners with cv::cornerSubPix.</summary>
public sealed class Chessboard(ChessboardSpec spec) : ICalibrationBoard
{
    // CALIB_CB_ADAPTIVE_THRESH | CALIB_CB_NORMALIZE_IMAGE | CALIB_CB_FAST_CHECK, as ROS's camera_calibration uses.
    internal const int DetectionFlags = 1 | 2 | 8;
    internal const int SubPixIterations = 30;
    internal const double SubPixEpsilon = 0.001;
    private readonly float[] _objectPoints = spec.ObjectPoints();

    public ChessboardSpec Spec { get; } = spec;

    public string Description => $"chessboard {Spec.Columns}x{Spec.Rows} inner corners, {Spec.SquareMeters * 1000:0.###} mm squares";

    public int MinimumCorners => Spec.Columns * Spec.Rows;

    public unsafe BoardObservation? Detect(Image gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        if (gray.Format != PixelFormat.Gray)
        {
            gray = ImageOps.Convert(gray, PixelFormat.Gray);
        }

        var n = Spec.Columns * Spec.Rows;
        var corners = new float[2 * n];
        fixed (byte* p = gray.Pixels)
        fixed (float* c = corners)
        {
            var view = gray.View(p);
            if (CvNative.Check(CvNative.s2r_cv_find_chessboard(view, Spec.Columns, Spec.Rows, DetectionFlags, c), "findChessboardCorners") == 0)
            {
                return null;
            }

            CvNative.Check(CvNative.s2r_cv_corner_subpix(view, c, n, RefinementHalfWindow(corners), SubPixIterations, SubPixEpsilon), "cornerSubPix");
        }

        return new BoardObservation(corners, _objectPoints);
    }

    /// <summary>
    /// Half the refinement window: 40% of the shortest corner spacing, at most 11 px, so the window never reaches
    /// the neighbouring corner on small or distant boards.
    /// </summary>
    internal int RefinementHalfWindow(float[] corners)
    {
        var shortest = double.MaxValue;
        for (var r = 0; r < Spec.Rows; r++)
        {
            for (var c = 0; c < Spec.Columns; c++)
            {
                var i = (r * Spec.Columns) + c;
                if (c + 1 < Spec.Columns)
                {
                    shortest = Math.Min(shortest, Distance(corners, i, i + 1));
                }

                if (r + 1 < Spec.Rows)
                {
                    shortest = Math.Min(shortest, Distance(corners, i, i + Spec.Columns));
                }
            }
        }

        return Math.Clamp((int)(shortest * 0.4), 2, 11);
    }

    private static double Distance(float[] p, int a, int b) =>
        Math.Sqrt(Math.Pow(p[2 * a] - p[2 * b], 2) + Math.Pow(p[(2 * a) + 1] - p[(2 * b) + 1], 2));
}
