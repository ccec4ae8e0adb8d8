using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

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
    public unsafe IntrinsicsResult Solve(string cameraName)
    {
        if (_size is not { } size || _views.Count < minimumViews)
        {
            var rejected = _rejected.Count == 0 ? "" : $"; rejected: {string.Join("; ", _rejected.Select(r => $"{r.Name} ({r.Reason})"))}";
            throw new CalibrationException(
                $"too few views: {_views.Count} usable of {_views.Count + _rejected.Count}, need at least {minimumViews}{rejected}");
        }

        var n = _views.Count;
        var counts = _views.Select(v => v.Observation.Count).ToArray();
        var objectPoints = _views.SelectMany(v => v.Observation.ObjectPoints).ToArray();
        var imagePoints = _views.SelectMany(v => v.Observation.ImagePoints).ToArray();
        var k = new double[9];
        var d = new double[5];
        var errors = new double[n];
        var rvecs = new double[3 * n];
        var tvecs = new double[3 * n];
        var newK = new double[9];
        double rms;
        fixed (int* pc = counts)
        fixed (float* po = objectPoints)
        fixed (float* pi = imagePoints)
        fixed (double* pk = k)
        fixed (double* pd = d)
        fixed (double* pe = errors)
        fixed (double* pr = rvecs)
        fixed (double* pt = tvecs)
        fixed (double* pn = newK)
        {
            CvNative.Check(CvNative.s2r_cv_calibrate_camera(n, pc, po, pi, size.Width, size.Height, 0, pk, pd, pe, pr, pt, out rms), "calibrateCamera");
            CvNative.Check(CvNative.s2r_cv_optimal_new_camera_matrix(pk, pd, 5, size.Width, size.Height, 0.0, pn), "getOptimalNewCameraMatrix");
        }

        var p = new[] { newK[0], newK[1], newK[2], 0, newK[3], newK[4], newK[5], 0, newK[6], newK[7], newK[8], 0 };
        var camera = new CameraInfo(cameraName, size.Width, size.Height, k, CameraInfo.PlumbBob, d, [1, 0, 0, 0, 1, 0, 0, 0, 1], p);
        var views = _views.Select((v, i) => new CalibrationView(v.Name, errors[i])).ToList();
        return new IntrinsicsResult(camera, rms, views, _rejected.ToList());
    }
}
