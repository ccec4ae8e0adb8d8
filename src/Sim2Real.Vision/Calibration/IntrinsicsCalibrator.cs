using OpenCvSharp;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// Collects board views and solves the pinhole + plumb_bob model with cv::calibrateCamera. P is
/// cv::getOptimalNewCameraMatrix with alpha 0 (every rectified pixel valid), as ROS's camera_calibration sets it.
/// </summary>
public sealed class IntrinsicsCalibrator(ICalibrationBoard board, int minimumViews = IntrinsicsCalibrator.DefaultMinimumViews)
{
    public const int DefaultMinimumViews = 4;
    private readonly List<(string Name, BoardObservation Observation)> _views = [];
    private readonly List<RejectedView> _rejected = [];
    private (int Width, int Height, string Name)? _size;

    public ICalibrationBoard Board { get; } = board;

    public int UsableViews => _views.Count;

    public IReadOnlyList<RejectedView> Rejected => _rejected;

    /// <summary>Looks for the board in <paramref name="image"/>; returns the observation, or null when the view was rejected.</summary>
    /// <exception cref="CalibrationException">The image size differs from earlier views.</exception>
    public BoardObservation? AddView(string name, Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (_size is { } size && (size.Width != image.Width || size.Height != image.Height))
        {
            throw new CalibrationException(
                $"{name}: image is {image.Width}x{image.Height} but {size.Name} is {size.Width}x{size.Height}; one calibration needs one image size");
        }

        _size ??= (image.Width, image.Height, name);
        var observation = Board.Detect(image);
        if (observation is null)
        {
            _rejected.Add(new RejectedView(name, $"no {Board.Description} found"));
            return null;
        }

        if (observation.Count < Board.MinimumCorners)
        {
            _rejected.Add(new RejectedView(name, $"only {observation.Count} corners visible, need {Board.MinimumCorners}"));
            return null;
        }

        _views.Add((name, observation));
        return observation;
    }

    /// <exception cref="CalibrationException">Fewer usable views than the minimum; lists the rejected ones.</exception>
    public IntrinsicsResult Solve(string cameraName)
    {
        if (_size is not { } size || _views.Count < minimumViews)
        {
            var rejected = _rejected.Count == 0 ? "" : $"; rejected: {string.Join("; ", _rejected.Select(r => $"{r.Name} ({r.Reason})"))}";
            throw new CalibrationException(
                $"too few views: {_views.Count} usable of {_views.Count + _rejected.Count}, need at least {minimumViews}{rejected}");
        }

        var objectMats = _views.Select(v => ArrayMats.Over(v.Observation.ObjectPoints, v.Observation.Count, 1, 3)).ToList();
        var imageMats = _views.Select(v => ArrayMats.Over(v.Observation.ImagePoints, v.Observation.Count, 1, 2)).ToList();
        Mat[] rvecs = [], tvecs = [];
        try
        {
            using var kMat = new Mat();
            using var dMat = new Mat();
            var imageSize = new Size(size.Width, size.Height);
            var rms = Cv2.CalibrateCamera(objectMats, imageMats, imageSize, kMat, dMat, out rvecs, out tvecs, CalibrationFlags.None, Termination);
            var k = ArrayMats.ToDoubles(kMat, "calibrateCamera");
            var d = ArrayMats.ToDoubles(dMat, "calibrateCamera").Concat(new double[5]).Take(5).ToArray();
            using var optimal = Cv2.GetOptimalNewCameraMatrix(kMat, dMat, imageSize, 0.0, imageSize, out _, false);
            var newK = ArrayMats.ToDoubles(optimal, "getOptimalNewCameraMatrix");
            var errors = _views.Select((v, i) => ReprojectionRms(v.Observation, rvecs[i], tvecs[i], kMat, dMat)).ToArray();
            var p = new[] { newK[0], newK[1], newK[2], 0, newK[3], newK[4], newK[5], 0, newK[6], newK[7], newK[8], 0 };
            var camera = new CameraInfo(cameraName, size.Width, size.Height, k, CameraInfo.PlumbBob, d, [1, 0, 0, 0, 1, 0, 0, 0, 1], p);
            var views = _views.Select((v, i) => new CalibrationView(v.Name, errors[i])).ToList();
            return new IntrinsicsResult(camera, rms, views, _rejected.ToList());
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("calibrateCamera", e);
        }
        finally
        {
            foreach (var m in objectMats.Concat(imageMats).Concat(rvecs).Concat(tvecs))
            {
                m.Dispose();
            }
        }
    }

    // cv::calibrateCamera's own default: 30 iterations or a change below DBL_EPSILON. OpenCvSharp's default passes
    // double.Epsilon (the smallest denormal) instead, which never stops early.
    private static TermCriteria Termination => new(CriteriaTypes.Count | CriteriaTypes.Eps, 30, 2.220446049250313e-16);

    /// <summary>A view's RMS reprojection error as calibrateCameraExtended reports it: projected in double precision.</summary>
    private static double ReprojectionRms(BoardObservation view, Mat rvec, Mat tvec, Mat k, Mat d)
    {
        var objectPoints = view.ObjectPoints.Select(v => (double)v).ToArray();
        var projected = new double[2 * view.Count];
        using var obj = TrackedMat.Over(objectPoints, view.Count, 1, MatType.CV_64FC3);
        using var image = TrackedMat.Over(projected, view.Count, 1, MatType.CV_64FC2);
        Cv2.ProjectPoints(obj, rvec, tvec, k, d, image);
        if (!image.StillBorrowed)
        {
            throw new OpenCvException("projectPoints: OpenCV reallocated the projected points");
        }

        var sum = 0.0;
        for (var i = 0; i < projected.Length; i++)
        {
            var e = projected[i] - view.ImagePoints[i];
            sum += e * e;
        }

        return Math.Sqrt(sum / view.Count);
    }
}
