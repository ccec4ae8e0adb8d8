using Sim2Real.Core.Imaging;
using Sim2Real.Core;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Vision.Tests.Preprocessing;

public class FramePreprocessorConfigTests
{
    [Fact]
    public void Loads_every_field_with_the_calibration_relative_to_the_file()
    {
        var dir = TestData.TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "calibration"));
        CameraInfoYaml.Write(Path.Combine(dir, "calibration", "wrist.yaml"), CameraInfo.Pinhole("wrist", 640, 480, 500, 500, 320, 240));
        var path = Path.Combine(dir, "preprocessing.yaml");
        File.WriteAllText(path, "input_width: 640\ninput_height: 480\ncalibration: calibration/wrist.yaml\ncrop: {x: 80, y: 0, width: 480, height: 480}\noutput_width: 64\noutput_height: 64\noutput_order: bgr\nframe_stack: 4\nresize: linear\n");

        var options = FramePreprocessorConfig.Load(path);

        Assert.Equal("wrist", options.Calibration!.CameraName);
        Assert.Equal(new CropRegion(80, 0, 480, 480), options.Crop);
        Assert.Equal((64, 64, PixelFormat.Bgr, 4, Interpolation.Linear), (options.OutputWidth, options.OutputHeight, options.OutputOrder, options.FrameStack, options.Resize));
    }

    [Theory]
    [InlineData("input_width: 640\ninput_height: 480\nframe_stak: 3\n", "frame_stak", "unknown field")]
    [InlineData("input_width: 640\ninput_height: 480\nframe_stack: 40\n", "frame_stack", "must be in 1..16")]
    [InlineData("input_width: 640\ninput_height: 480\noutput_order: hsv\n", "output_order", "expected rgb or bgr")]
    [InlineData("input_width: 640\ninput_height: 480\ncrop: {x: 600, y: 0, width: 100, height: 100}\n", "crop", "does not fit")]
    [InlineData("input_height: 480\n", "input_width", "missing")]
    public void Malformed_config_names_file_and_field(string yaml, string field, string problem)
    {
        var path = Path.Combine(TestData.TempDirectory(), "preprocessing.yaml");
        File.WriteAllText(path, yaml);

        var e = Assert.Throws<InvalidConfigException>(() => FramePreprocessorConfig.Load(path));

        Assert.Equal(path, e.Origin);
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }
}
