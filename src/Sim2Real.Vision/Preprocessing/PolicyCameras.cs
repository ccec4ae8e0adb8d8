using Sim2Real.Core;
using Sim2Real.Core.Imaging;
using Sim2Real.Robotics.Policies;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// A policy manifest's camera block and <see cref="FramePreprocessorOptions"/> are the same pipeline written two
/// ways: the manifest records what training applied, and deployment rebuilds exactly that (plus the undistortion
/// of its own calibration, since training frames come from an ideal pinhole).
/// </summary>
public static class PolicyCameras
{
    public static PolicyCamera ToPolicyCamera(this FramePreprocessorOptions options, string camera)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PolicyCamera
        {
            Name = camera,
            Width = options.InputWidth,
            Height = options.InputHeight,
            Crop = options.Crop is { } c ? [c.X, c.Y, c.Width, c.Height] : null,
            OutputWidth = options.OutputWidth,
            OutputHeight = options.OutputHeight,
            FrameStack = options.FrameStack,
            Resize = options.Resize.ToString().ToLowerInvariant(),
            Order = options.OutputOrder == PixelFormat.Bgr ? "bgr" : "rgb",
        };
    }

    /// <param name="calibration">The deployed camera's calibration (undistortion); null for an ideal camera.</param>
    /// <exception cref="InvalidConfigException">The block is malformed, or the calibration is for another size.</exception>
    public static FramePreprocessorOptions ToPreprocessorOptions(this PolicyCamera camera, CameraInfo? calibration, string source)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (camera.Crop is { } crop && crop.Count != 4)
        {
            throw new InvalidConfigException(source, "observation.camera.crop", "expected [x, y, width, height]");
        }

        return new FramePreprocessorOptions
        {
            InputWidth = camera.Width,
            InputHeight = camera.Height,
            Calibration = calibration,
            Crop = camera.Crop is { } c ? new CropRegion(c[0], c[1], c[2], c[3]) : null,
            OutputWidth = camera.OutputWidth,
            OutputHeight = camera.OutputHeight,
            FrameStack = camera.FrameStack,
            OutputOrder = camera.Order switch
            {
                "rgb" => PixelFormat.Rgb,
                "bgr" => PixelFormat.Bgr,
                var other => throw new InvalidConfigException(source, "observation.camera.order", $"expected rgb or bgr, got '{other}'"),
            },
            Resize = camera.Resize switch
            {
                "area" => Interpolation.Area,
                "linear" => Interpolation.Linear,
                "cubic" => Interpolation.Cubic,
                "nearest" => Interpolation.Nearest,
                var other => throw new InvalidConfigException(source, "observation.camera.resize", $"expected area, linear, cubic or nearest, got '{other}'"),
            },
        }.Validate(source);
    }
}
