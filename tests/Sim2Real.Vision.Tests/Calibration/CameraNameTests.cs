using Sim2Real.Core;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public class CameraNameTests
{
    private static CameraInfo Named(string name) => CameraInfo.Pinhole(name, 640, 480, 500, 500, 319.5, 239.5);

    [Theory]
    [InlineData("cam\nextra_key: 1")]
    [InlineData("cam: x #y")]
    [InlineData("")]
    [InlineData("wrist-left")]
    public void A_name_ros_would_not_accept_is_never_written_into_camera_info(string name)
    {
        var error = Assert.Throws<InvalidConfigException>(() => CameraInfoYaml.Format(Named(name)));

        Assert.Equal("camera_name", error.Field);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrist_left")]
    [InlineData("123")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("_cam")]
    public void A_valid_name_reads_back_as_the_same_string_even_where_plain_yaml_would_make_it_a_number_or_bool(string name)
    {
        var yaml = CameraInfoYaml.Format(Named(name));

        Assert.Equal(name, CameraInfoYaml.Parse(yaml, "cam.yaml").CameraName);
        var python = Python.RunJson(TestData.Reference("load_yaml.py"), Write(yaml));
        Assert.Equal(name, python.GetProperty("camera_name").GetString());
    }

    private static string Write(string yaml)
    {
        var path = Path.Combine(TestData.TempDirectory(), "cam.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
