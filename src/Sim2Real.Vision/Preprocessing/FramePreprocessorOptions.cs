using Sim2Real.Core.Imaging;
using Sim2Real.Core;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// The one definition of how a frame becomes a policy observation, shared by training (simulated frames) and
/// deployment (camera frames): undistort with the calibration, crop, resize to the training size, order the
/// colours, stack the last frames channel-first as DrQ-v2 consumes them (uint8 [stack x 3, H, W]).
/// </summary>
public sealed record FramePreprocessorOptions
{
    /// <summary>Width in pixels of every incoming frame.</summary>
    public required int InputWidth { get; init; }

    /// <summary>Height in pixels of every incoming frame.</summary>
    public required int InputHeight { get; init; }

    /// <summary>Undistort and rectify with this calibration (camera_info); null for an ideal (simulated) camera.</summary>
    public CameraInfo? Calibration { get; init; }

    /// <summary>Region of the undistorted frame to keep; null keeps all of it.</summary>
    public CropRegion? Crop { get; init; }

    /// <summary>Training resolution, 84x84 in DrQ-v2.</summary>
    public int OutputWidth { get; init; } = 84;

    public int OutputHeight { get; init; } = 84;

    /// <summary>Channel order of the observation: RGB, as the renderer produced the training frames.</summary>
    public PixelFormat OutputOrder { get; init; } = PixelFormat.Rgb;

    /// <summary>Frames stacked along the channel axis (DrQ-v2: 3).</summary>
    public int FrameStack { get; init; } = 3;

    /// <summary>Downsampling filter; area averaging avoids aliasing at 640 to 84.</summary>
    public Interpolation Resize { get; init; } = Interpolation.Area;

    public CropRegion EffectiveCrop => Crop ?? new CropRegion(0, 0, InputWidth, InputHeight);

    /// <exception cref="InvalidConfigException">A field is out of range or inconsistent with another.</exception>
    public FramePreprocessorOptions Validate(string source = "preprocessing")
    {
        if (InputWidth <= 0 || InputHeight <= 0)
        {
            throw new InvalidConfigException(source, "input_width/input_height", $"must be positive, got {InputWidth}x{InputHeight}");
        }

        if (OutputWidth <= 0 || OutputHeight <= 0 || OutputWidth > 4096 || OutputHeight > 4096)
        {
            throw new InvalidConfigException(source, "output_width/output_height", $"must be in 1..4096, got {OutputWidth}x{OutputHeight}");
        }

        if (OutputOrder is not (PixelFormat.Rgb or PixelFormat.Bgr))
        {
            throw new InvalidConfigException(source, "output_order", $"must be rgb or bgr, got {OutputOrder}");
        }

        if (FrameStack is < 1 or > 16)
        {
            throw new InvalidConfigException(source, "frame_stack", $"must be in 1..16, got {FrameStack}");
        }

        if (Calibration is { } c && (c.ImageWidth != InputWidth || c.ImageHeight != InputHeight))
        {
            throw new InvalidConfigException(source, "calibration",
                $"camera '{c.CameraName}' was calibrated at {c.ImageWidth}x{c.ImageHeight} but frames are {InputWidth}x{InputHeight}");
        }

        var crop = EffectiveCrop;
        if (crop.X < 0 || crop.Y < 0 || crop.Width <= 0 || crop.Height <= 0
            || crop.X + crop.Width > InputWidth || crop.Y + crop.Height > InputHeight)
        {
            throw new InvalidConfigException(source, "crop", $"{crop} does not fit inside the {InputWidth}x{InputHeight} frame");
        }

        return this;
    }
}
