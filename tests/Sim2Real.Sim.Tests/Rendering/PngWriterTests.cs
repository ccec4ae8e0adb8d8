using System.Diagnostics;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Tests.Rendering;

public class PngWriterTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void OpenCV_reads_back_exactly_the_pixels_written()
    {
        const int width = 7;
        const int height = 5;
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i++)
        {
            rgb[i] = (byte)((i * 37) + (i / 3));
        }

        var path = Path.Combine(Path.GetTempPath(), $"s2r-png-{Guid.NewGuid():N}.png");
        try
        {
            PngWriter.WriteFile(path, width, height, rgb);

            // cv2 decodes as BGR; print it back as RGB bytes.
            var script = $"import cv2,sys; im=cv2.imread('{path}', cv2.IMREAD_UNCHANGED); " +
                         "print(im.shape); print(','.join(str(v) for v in im[:, :, ::-1].reshape(-1)))";
            var info = new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var python = Process.Start(info)!;
            var output = python.StandardOutput.ReadToEnd().Split('\n');
            var errors = python.StandardError.ReadToEnd();
            python.WaitForExit();

            Assert.True(python.ExitCode == 0, errors);
            Assert.Equal("(5, 7, 3)", output[0]);
            Assert.Equal(rgb, output[1].Split(',').Select(byte.Parse).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_pixel_buffer_of_the_wrong_size_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => PngWriter.Write(Stream.Null, 4, 4, new byte[47]));

        Assert.Contains("48 bytes", e.Message, StringComparison.Ordinal);
    }
}
