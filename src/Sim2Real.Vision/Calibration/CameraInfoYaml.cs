using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Files;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// ROS camera_info YAML, the file camera_calibration_parsers (and camera_info_manager) read and write:
/// image_width, image_height, camera_name, camera_matrix, distortion_model, distortion_coefficients,
/// rectification_matrix, projection_matrix; matrices as {rows, cols, data}.
/// </summary>
public static class CameraInfoYaml
{
    /// <summary>
    /// The file's text, through YamlDotNet's emitter: whatever a name holds, it stays one scalar (the emitter quotes
    /// and escapes it), so no value can add keys. Matrices keep ROS's flow form, <c>data: [..]</c>, on one line.
    /// </summary>
    public static string Format(CameraInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        Pair(emitter, "image_width", info.ImageWidth.ToString(CultureInfo.InvariantCulture));
        Pair(emitter, "image_height", info.ImageHeight.ToString(CultureInfo.InvariantCulture));
        var name = CameraName.Validate(info.CameraName, "camera_info", "camera_name");
        Pair(emitter, "camera_name", name, IsPlainString(name) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted);
        EmitMatrix(emitter, "camera_matrix", 3, 3, info.K);
        Pair(emitter, "distortion_model", info.DistortionModel, ScalarStyle.Any);
        EmitMatrix(emitter, "distortion_coefficients", 1, info.D.Length, info.D);
        EmitMatrix(emitter, "rectification_matrix", 3, 3, info.R);
        EmitMatrix(emitter, "projection_matrix", 3, 4, info.P);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>
    /// A valid name is letters, digits and '_', so the only way it reads back as something else is as a YAML 1.1/1.2
    /// number, bool or null (123, 1_000, true, no, null): those are written double-quoted.
    /// </summary>
    private static bool IsPlainString(string name) =>
        char.IsAsciiLetter(name[0]) && !PlainNonStrings.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static void Pair(Emitter emitter, string key, string value, ScalarStyle style = ScalarStyle.Plain)
    {
        emitter.Emit(new Scalar(key));
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static void EmitMatrix(Emitter emitter, string name, int rows, int cols, double[] data)
    {
        emitter.Emit(new Scalar(name));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        Pair(emitter, "rows", rows.ToString(CultureInfo.InvariantCulture));
        Pair(emitter, "cols", cols.ToString(CultureInfo.InvariantCulture));
        emitter.Emit(new Scalar("data"));
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (var value in data)
        {
            emitter.Emit(new Scalar(YamlFields.Number(value)));
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
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
            throw new InvalidConfigException(path, "(file)", Directory.Exists(path) ? "is a folder; give a camera_info YAML file" : "no such camera_info file");
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
}
