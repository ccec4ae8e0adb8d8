using System.Globalization;
using System.Text;
using Sim2Real.Core;
using Sim2Real.Files;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// ROS camera_info YAML, the file camera_calibration_parsers (and camera_info_manager) read and write:
/// image_width, image_height, camera_name, camera_matrix, distortion_model, distortion_coefficients,
/// rectification_matrix, projection_matrix; matrices as {rows, cols, data}.
/// </summary>
public static class CameraInfoYaml
{
    public static string Format(CameraInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var s = new StringBuilder();
        s.Append("image_width: ").Append(info.ImageWidth.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("image_height: ").Append(info.ImageHeight.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("camera_name: ").Append(NameScalar(CameraName.Validate(info.CameraName, "camera_info", "camera_name"))).Append('\n');
        AppendMatrix(s, "camera_matrix", 3, 3, info.K);
        s.Append("distortion_model: ").Append(info.DistortionModel).Append('\n');
        AppendMatrix(s, "distortion_coefficients", 1, info.D.Length, info.D);
        AppendMatrix(s, "rectification_matrix", 3, 3, info.R);
        AppendMatrix(s, "projection_matrix", 3, 4, info.P);
        return s.ToString();
    }

    /// <summary>
    /// A valid name is letters, digits and '_', so the only way it reads back as something else is as a YAML 1.1/1.2
    /// number, bool or null (123, 1_000, true, no, null): those are written double-quoted.
    /// </summary>
    private static string NameScalar(string name)
    {
        var plain = char.IsAsciiLetter(name[0]) && !PlainNonStrings.Contains(name, StringComparer.OrdinalIgnoreCase);
        return plain ? name : $"\"{name}\"";
    }

    private static readonly string[] PlainNonStrings = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"];

    /// <summary>Writes atomically: an interrupted write leaves the previous file (or none), never half of one.</summary>
    public static void Write(string path, CameraInfo info) => AtomicFile.WriteAllText(path, Format(info));

    /// <exception cref="InvalidConfigException">Names the file and the field that is missing or malformed.</exception>
    public static CameraInfo Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidConfigException(path, "(file)", "no such camera_info file");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static CameraInfo Parse(string yaml, string source)
    {
        var root = YamlFields.ParseMapping(yaml, source, "image_width, image_height, camera_matrix, ...");

        var width = YamlFields.Int(root, "image_width", source);
        var height = YamlFields.Int(root, "image_height", source);
        if (width <= 0 || height <= 0)
        {
            throw new InvalidConfigException(source, "image_width/image_height", $"image size must be positive, got {width}x{height}");
        }

        var name = YamlFields.OptionalString(root, "camera_name", source) ?? "camera";
        var k = Matrix(root, "camera_matrix", source, 3, 3);
        var model = YamlFields.OptionalString(root, "distortion_model", source) ?? CameraInfo.PlumbBob;
        var d = Matrix(root, "distortion_coefficients", source, 1, null);
        var expected = model switch
        {
            CameraInfo.PlumbBob => 5,
            "rational_polynomial" => 8,
            _ => throw new InvalidConfigException(source, "distortion_model", $"'{model}' is not supported: use plumb_bob or rational_polynomial"),
        };
        if (d.Length != expected)
        {
            throw new InvalidConfigException(source, "distortion_coefficients", $"{model} has {expected} coefficients, got {d.Length}");
        }

        var r = Matrix(root, "rectification_matrix", source, 3, 3);
        var p = Matrix(root, "projection_matrix", source, 3, 4);
        if (k[0] <= 0 || k[4] <= 0)
        {
            throw new InvalidConfigException(source, "camera_matrix", $"focal lengths must be positive, got fx={k[0]}, fy={k[4]}");
        }

        return new CameraInfo(name, width, height, k, model, d, r, p);
    }

    private static double[] Matrix(YamlMappingNode root, string field, string source, int rows, int? cols)
    {
        var node = YamlFields.Required(root, field, source) as YamlMappingNode
            ?? throw new InvalidConfigException(source, field, "expected a mapping with rows, cols and data");
        var r = YamlFields.Int(node, "rows", source, field);
        var c = YamlFields.Int(node, "cols", source, field);
        if (r != rows || (cols is { } expectedCols && c != expectedCols))
        {
            throw new InvalidConfigException(source, $"{field}.rows/cols", $"expected {rows}x{cols?.ToString(CultureInfo.InvariantCulture) ?? "N"}, got {r}x{c}");
        }

        var data = YamlFields.Doubles(node, "data", source, field);
        if (data.Length != r * c)
        {
            throw new InvalidConfigException(source, $"{field}.data", $"rows x cols is {r * c} but data has {data.Length} numbers");
        }

        return data;
    }

    private static void AppendMatrix(StringBuilder s, string name, int rows, int cols, double[] data)
    {
        s.Append(name).Append(":\n");
        s.Append("  rows: ").Append(rows.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("  cols: ").Append(cols.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("  data: [").AppendJoin(", ", data.Select(YamlFields.Number)).Append("]\n");
    }
}
