using Sim2Real.Core.Imaging;
using System.Globalization;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public class UndistortMapsTests
{
    private static readonly CameraInfo Left = new(
        "left", 640, 480, [532.80, 0, 342.48, 0, 532.91, 233.89, 0, 0, 1], CameraInfo.PlumbBob,
        [-0.2810, 0.0291, 0.0012, -0.00013, 0.1625], [1, 0, 0, 0, 1, 0, 0, 0, 1], [458.4, 0, 343.6, 0, 0, 458.5, 229.6, 0, 0, 0, 1, 0]);

    [Fact]
    public void Undistorted_image_is_byte_identical_to_python_cv2()
    {
        var source = TestData.LeftChessboards()[0];
        var output = Path.Combine(TestData.TempDirectory(), "undistorted.png");

        var maps = UndistortMaps.Create(Left);
        var raw = ImageCodec.Read(source);
        var ours = maps.Apply(raw);
        var fixedPoint = Image.Blank(640, 480, PixelFormat.Bgr);
        maps.ApplyInto(raw, fixedPoint);
        Python.RunJson(TestData.Reference("undistort_cv2.py"), source, output, Join(Left.K), Join(Left.D), Join(Left.P));

        Assert.Equal(ImageCodec.Read(output).Pixels, ours.Pixels);
        Assert.Equal(ours.Pixels, fixedPoint.Pixels);
    }

    [Fact]
    public void Maps_of_a_region_equal_that_region_of_the_full_maps()
    {
        var full = UndistortMaps.Create(Left);
        var region = UndistortMaps.Create(Left, (100, 50, 200, 120));

        for (var y = 0; y < 120; y += 7)
        {
            for (var x = 0; x < 200; x += 11)
            {
                Assert.Equal(full.MapX[((y + 50) * 640) + x + 100], region.MapX[(y * 200) + x], 3);
                Assert.Equal(full.MapY[((y + 50) * 640) + x + 100], region.MapY[(y * 200) + x], 3);
            }
        }
    }

    private static string Join(double[] values) => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
