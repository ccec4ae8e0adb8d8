using Sim2Real.Core;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public class CameraInfoYamlTests
{
    private static readonly CameraInfo Sample = new(
        "left", 640, 480, [532.8, 0, 342.4, 0, 532.9, 233.8, 0, 0, 1], CameraInfo.PlumbBob,
        [-0.28, 0.025, 0.0012, -0.00013, 0.16], [1, 0, 0, 0, 1, 0, 0, 0, 1], [457.3, 0, 345.0, 0, 0, 457.9, 227.0, 0, 0, 0, 1, 0]);

    [Fact]
    public void Writes_the_layout_camera_calibration_parsers_reads()
    {
        var yaml = CameraInfoYaml.Format(Sample);

        var keys = yaml.Split('\n').Where(l => l.Length > 0 && l[0] != ' ').Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(
            ["image_width", "image_height", "camera_name", "camera_matrix", "distortion_model", "distortion_coefficients", "rectification_matrix", "projection_matrix"],
            keys);
        Assert.Contains("distortion_coefficients:\n  rows: 1\n  cols: 5\n  data: [-0.28, 0.025, 0.0012, -0.00013, 0.16]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("projection_matrix:\n  rows: 3\n  cols: 4\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_exactly_and_parses_in_python_yaml()
    {
        var path = Path.Combine(TestData.TempDirectory(), "cam.yaml");
        CameraInfoYaml.Write(path, Sample);

        var back = CameraInfoYaml.Read(path);
        var python = Python.RunJson(TestData.Reference("load_yaml.py"), path);

        Assert.Equal(Sample.K, back.K);
        Assert.Equal(Sample.D, back.D);
        Assert.Equal(Sample.P, back.P);
        Assert.Equal(Sample with { K = back.K, D = back.D, R = back.R, P = back.P }, back);
        Assert.Equal(Sample.K, python.GetProperty("camera_matrix").Doubles("data"));
        Assert.Equal(5, python.GetProperty("distortion_coefficients").GetProperty("cols").GetInt32());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Theory]
    [InlineData("123", "camera_name: \"123\"\n")]
    [InlineData("no", "camera_name: \"no\"\n")]
    [InlineData("wrist_1", "camera_name: wrist_1\n")]
    public void A_name_yaml_would_read_as_a_number_or_bool_is_quoted_by_the_emitter_and_reads_back_as_the_name(string name, string line)
    {
        var yaml = CameraInfoYaml.Format(Sample with { CameraName = name });

        Assert.Contains(line, yaml, StringComparison.Ordinal);
        Assert.Equal(name, CameraInfoYaml.Parse(yaml, "cam.yaml").CameraName);
    }

    [Fact]
    public void A_name_that_is_not_a_ros_camera_name_is_never_written()
    {
        var e = Assert.Throws<InvalidConfigException>(() => CameraInfoYaml.Format(Sample with { CameraName = "cam\nextra_key: 1" }));

        Assert.Equal("camera_name", e.Field);
    }

    [Theory]
    [InlineData("image_width: 640\n", "image_height", "missing")]
    [InlineData("image_width: wide\nimage_height: 480\n", "image_width", "expected an integer")]
    [InlineData("image_width: 640\nimage_height: 480\ncamera_matrix:\n  rows: 3\n  cols: 3\n  data: [1, 0, 0]\n", "camera_matrix.data", "rows x cols is 9 but data has 3")]
    [InlineData("image_width: 640\nimage_height: 480\ncamera_matrix:\n  rows: 3\n  cols: 3\n  data: [1, 0, x, 0, 1, 0, 0, 0, 1]\n", "camera_matrix.data[2]", "expected a finite number")]
    [InlineData("image_width: 640\nimage_height: [480\n", "(document)", "not valid YAML")]
    public void Malformed_yaml_is_an_error_naming_file_and_field(string yaml, string field, string problem)
    {
        var path = Path.Combine(TestData.TempDirectory(), "bad.yaml");
        File.WriteAllText(path, yaml);

        var e = Assert.Throws<InvalidConfigException>(() => CameraInfoYaml.Read(path));

        Assert.Equal(path, e.Origin);
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_number_of_distortion_coefficients_names_the_model()
    {
        var yaml = CameraInfoYaml.Format(Sample with { D = [0.1, 0.2, 0.3, 0.4] });

        var e = Assert.Throws<InvalidConfigException>(() => CameraInfoYaml.Parse(yaml, "cam.yaml"));

        Assert.Equal("distortion_coefficients", e.Field);
        Assert.Contains("plumb_bob has 5 coefficients, got 4", e.Message, StringComparison.Ordinal);
    }
}
