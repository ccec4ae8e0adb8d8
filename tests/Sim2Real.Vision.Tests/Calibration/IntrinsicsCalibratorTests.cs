using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public class IntrinsicsCalibratorTests
{
    [Fact]
    public void Matches_python_cv2_on_opencv_sample_chessboards()
    {
        var paths = TestData.LeftChessboards();
        Assert.True(paths.Length >= 10, $"expected OpenCV's left01..left14 under {TestData.OpenCvSamples} (opencv-doc)");
        var calibrator = new IntrinsicsCalibrator(new Chessboard(ChessboardSpec.Parse("9x6", 0.025)));
        foreach (var path in paths)
        {
            calibrator.AddView(Path.GetFileName(path), ImageCodec.Read(path, grayscale: true));
        }

        var ours = calibrator.Solve("left");
        var reference = Python.RunJson(TestData.Reference("calibrate_cv2.py"), ["9", "6", "0.025", .. paths]);

        Assert.Equal(reference.GetProperty("used").GetArrayLength(), ours.Views.Count);
        Assert.Equal(reference.GetProperty("rms").GetDouble(), ours.RmsErrorPixels, 6);
        AssertClose(reference.Doubles("K"), ours.Camera.K, 1e-6, "camera matrix");
        AssertClose(reference.Doubles("D"), ours.Camera.D, 1e-6, "distortion");
        var p = reference.Doubles("P");
        AssertClose(p, ours.Camera.RectifiedK(), 1e-6, "projection");
        AssertClose(reference.Doubles("per_view"), ours.Views.Select(v => v.RmsErrorPixels).ToArray(), 1e-6, "per-view errors");
        // Sanity on the physics, independent of Python: these images come from a ~535 px focal-length camera.
        Assert.InRange(ours.Camera.Fx, 500, 560);
        Assert.True(ours.RmsErrorPixels < 0.5, $"RMS {ours.RmsErrorPixels} px");
    }

    [Fact]
    public void Reports_views_without_a_board_as_rejected()
    {
        var calibrator = new IntrinsicsCalibrator(new Chessboard(ChessboardSpec.Parse("9x6", 0.025)));
        var blank = Image.Blank(640, 480, PixelFormat.Gray);

        Assert.Null(calibrator.AddView("blank.png", blank));

        var rejected = Assert.Single(calibrator.Rejected);
        Assert.Equal("blank.png", rejected.Name);
        Assert.Contains("no chessboard 9x6", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_views_is_an_error_that_lists_the_rejected_views()
    {
        var calibrator = new IntrinsicsCalibrator(new Chessboard(ChessboardSpec.Parse("9x6", 0.025)));
        calibrator.AddView("left01.jpg", ImageCodec.Read(TestData.LeftChessboards()[0], grayscale: true));
        calibrator.AddView("blank.png", Image.Blank(640, 480, PixelFormat.Gray));

        var e = Assert.Throws<CalibrationException>(() => calibrator.Solve("cam"));

        Assert.Contains("too few views: 1 usable of 2, need at least 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("blank.png (no chessboard", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_image_sizes_are_an_error_naming_both_views()
    {
        var calibrator = new IntrinsicsCalibrator(new Chessboard(ChessboardSpec.Parse("9x6", 0.025)));
        calibrator.AddView("a.png", Image.Blank(640, 480, PixelFormat.Gray));

        var e = Assert.Throws<CalibrationException>(() => calibrator.AddView("b.png", Image.Blank(320, 240, PixelFormat.Gray)));

        Assert.Contains("b.png: image is 320x240 but a.png is 640x480", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9by6", "expected COLSxROWS")]
    [InlineData("6x6", "symmetric")]
    [InlineData("1x6", "at least 2x2")]
    public void Malformed_board_sizes_are_rejected(string board, string problem)
    {
        var e = Assert.Throws<Sim2Real.Core.InvalidConfigException>(() => ChessboardSpec.Parse(board, 0.025));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    private static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = relative * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: python {expected[i]:R}, ours {actual[i]:R}");
        }
    }
}
