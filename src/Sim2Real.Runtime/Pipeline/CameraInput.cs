using System.Globalization;
using Sim2Real.Robotics.Policies;
using RosCameraInfo = Sim2Real.Ros.Messages.SensorMsgs.CameraInfo;
using RosImage = Sim2Real.Ros.Messages.SensorMsgs.Image;
using Sim2Real.Ros.Messages.SensorMsgs;
using Calibration = Sim2Real.Vision.Calibration.CameraInfo;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// The newest camera frame and its arrival time, after checking it against what the policy was trained on: the
/// live camera_info must give the policy's input size (another size is refused; other intrinsics than the launch
/// file's calibration only warn, since that calibration is what undistorts), and every image must be of a known
/// 8-bit encoding and of that size.
/// </summary>
internal sealed class CameraInput
{
    private const double IntrinsicsTolerance = 0.01;
    private readonly PolicyCamera _camera;
    private readonly Calibration? _calibration;
    private readonly string _imageTopic;
    private readonly string _infoTopic;
    private readonly string _policy;
    private bool _warned;

    public CameraInput(PolicyCamera camera, Calibration? calibration, string imageTopic, string infoTopic, string policy)
    {
        _camera = camera;
        _calibration = calibration;
        _imageTopic = imageTopic;
        _infoTopic = infoTopic;
        _policy = policy;
    }

    public bool HasInfo { get; private set; }

    public bool HasImage => Latest is not null;

    public Core.Imaging.Image? Latest { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    public long Count { get; private set; }

    /// <summary>Checks a camera_info; returns a warning the first time intrinsics differ from the calibration's.</summary>
    /// <exception cref="RuntimeInputException">The camera is not the size the policy was trained on.</exception>
    public string? AcceptInfo(RosCameraInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Width != _camera.Width || info.Height != _camera.Height)
        {
            throw new RuntimeInputException(_infoTopic, $"the camera gives {info.Width}x{info.Height} frames; {_policy} was trained on {_camera.Width}x{_camera.Height} from camera '{_camera.Name}'");
        }

        HasInfo = true;
        if (_warned)
        {
            return null;
        }

        var warning = IntrinsicsWarning(info);
        _warned = warning is not null;
        return warning;
    }

    /// <exception cref="RuntimeInputException">A wrong encoding, size or data length.</exception>
    public void AcceptImage(RosImage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        Core.Imaging.Image image;
        try
        {
            image = message.ToImage(_imageTopic);
        }
        catch (InvalidDataException e)
        {
            throw new RuntimeInputException(_imageTopic, e.Message.StartsWith(_imageTopic, StringComparison.Ordinal) ? e.Message[(_imageTopic.Length + 2)..] : e.Message, e);
        }

        if (image.Width != _camera.Width || image.Height != _camera.Height)
        {
            throw new RuntimeInputException(_imageTopic, $"a {image.Width}x{image.Height} frame; {_policy} takes {_camera.Width}x{_camera.Height} from camera '{_camera.Name}'");
        }

        Latest = image;
        ArrivedAt = now;
        Count++;
    }

    private string? IntrinsicsWarning(RosCameraInfo live)
    {
        if (_calibration is null)
        {
            return live.D.Any(d => Math.Abs(d) > 1e-6)
                ? $"{_infoTopic}: the camera reports lens distortion ({live.DistortionModel}) but the launch file gives no camera.calibration, so frames are not undistorted; the policy was trained on an ideal pinhole"
                : null;
        }

        var c = _calibration;
        bool Off(double a, double b) => Math.Abs(a - b) > IntrinsicsTolerance * Math.Max(Math.Abs(b), 1);
        var differs = Off(live.K[0], c.Fx) || Off(live.K[4], c.Fy) || Off(live.K[2], c.Cx) || Off(live.K[5], c.Cy)
            || live.D.Length != c.D.Length || live.D.Zip(c.D).Any(p => Math.Abs(p.First - p.Second) > 1e-3);
        return differs
            ? string.Create(CultureInfo.InvariantCulture,
                $"{_infoTopic}: live intrinsics (fx {live.K[0]:0.##}, fy {live.K[4]:0.##}, cx {live.K[2]:0.##}, cy {live.K[5]:0.##}, D [{string.Join(", ", live.D.Select(d => d.ToString("0.####", CultureInfo.InvariantCulture)))}]) differ from the calibration of camera '{c.CameraName}' (fx {c.Fx:0.##}, fy {c.Fy:0.##}, cx {c.Cx:0.##}, cy {c.Cy:0.##}); the launch file's calibration is what undistorts")
            : null;
    }
}
