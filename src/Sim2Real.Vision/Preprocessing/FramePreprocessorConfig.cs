using Sim2Real.Core.Imaging;
using Sim2Real.Core;
using Sim2Real.Vision.Calibration;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// Reads <see cref="FramePreprocessorOptions"/> from YAML, so training and deployment load one file. Paths are
/// relative to the file; omitted fields keep their defaults:
/// <code>
/// input_width: 640
/// input_height: 480
/// calibration: ../calibration/wrist/wrist.yaml   # optional camera_info; omit for an ideal (simulated) camera
/// crop: {x: 80, y: 0, width: 480, height: 480}   # optional, pixels of the undistorted frame
/// output_width: 84
/// output_height: 84
/// output_order: rgb                              # rgb or bgr
/// frame_stack: 3
/// resize: area                                   # area, linear, cubic or nearest
/// </code>
/// </summary>
public static class FramePreprocessorConfig
{
    /// <exception cref="InvalidConfigException">Names the file and the field.</exception>
    public static FramePreprocessorOptions Load(string path)
    {
        var root = YamlFields.ReadMapping(path, "preprocessing file", "input_width, input_height, ...");

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "input_width", "input_height", "calibration", "crop", "output_width", "output_height", "output_order", "frame_stack", "resize",
        };
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
        {
            if (!known.Contains(key))
            {
                throw new InvalidConfigException(path, key, $"unknown field; expected one of {string.Join(", ", known)}");
            }
        }

        var defaults = new FramePreprocessorOptions { InputWidth = 1, InputHeight = 1 };
        var calibration = YamlFields.OptionalString(root, "calibration", path) is { } c
            ? CameraInfoYaml.Read(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, c))
            : null;
        CropRegion? crop = null;
        if (YamlFields.Optional(root, "crop") is { } cropNode)
        {
            var map = cropNode as YamlMappingNode ?? throw new InvalidConfigException(path, "crop", "expected {x, y, width, height}");
            crop = new CropRegion(
                YamlFields.Int(map, "x", path, "crop"), YamlFields.Int(map, "y", path, "crop"),
                YamlFields.Int(map, "width", path, "crop"), YamlFields.Int(map, "height", path, "crop"));
        }

        return new FramePreprocessorOptions
        {
            InputWidth = YamlFields.Int(root, "input_width", path),
            InputHeight = YamlFields.Int(root, "input_height", path),
            Calibration = calibration,
            Crop = crop,
            OutputWidth = OptionalInt(root, "output_width", path) ?? defaults.OutputWidth,
            OutputHeight = OptionalInt(root, "output_height", path) ?? defaults.OutputHeight,
            FrameStack = OptionalInt(root, "frame_stack", path) ?? defaults.FrameStack,
            OutputOrder = YamlFields.OptionalString(root, "output_order", path) switch
            {
                null or "rgb" => PixelFormat.Rgb,
                "bgr" => PixelFormat.Bgr,
                var other => throw new InvalidConfigException(path, "output_order", $"expected rgb or bgr, got '{other}'"),
            },
            Resize = YamlFields.OptionalString(root, "resize", path) switch
            {
                null or "area" => Interpolation.Area,
                "linear" => Interpolation.Linear,
                "cubic" => Interpolation.Cubic,
                "nearest" => Interpolation.Nearest,
                var other => throw new InvalidConfigException(path, "resize", $"expected area, linear, cubic or nearest, got '{other}'"),
            },
        }.Validate(path);
    }

    private static int? OptionalInt(YamlMappingNode root, string key, string path) =>
        YamlFields.Optional(root, key) is null ? null : YamlFields.Int(root, key, path);
}
