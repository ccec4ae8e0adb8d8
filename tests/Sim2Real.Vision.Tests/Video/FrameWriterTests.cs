using System.Reactive.Linq;
using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Capture;
using Sim2Real.Vision.Video;

namespace Sim2Real.Vision.Tests.Video;

public class FrameWriterTests
{
    [Fact]
    public async Task Image_folder_writer_numbers_lossless_pngs_that_read_back_as_a_folder_source()
    {
        var dir = Path.Combine(TestData.TempDirectory(), "frames");
        var written = Enumerable.Range(0, 3).Select(t => TestImages.Pattern(20, 10, PixelFormat.Rgb, t)).ToArray();

        using (var writer = new ImageFolderWriter(dir, 20, 10))
        {
            foreach (var frame in written)
            {
                writer.Write(frame);
            }

            writer.Complete();
            Assert.Equal(3, writer.FramesWritten);
        }

        var read = await CameraStream.Open(CaptureSource.Parse(dir)).ToList().Timeout(TimeSpan.FromSeconds(30));
        Assert.Equal(["frame_000000.png", "frame_000001.png", "frame_000002.png"], Directory.GetFiles(dir, ImageFolderWriter.Pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(written.Select(f => f.Pixels), read.Select(f => ImageOps.Convert(f.Image, PixelFormat.Rgb).Pixels));
    }

    [Fact]
    public async Task Video_of_an_odd_size_keeps_every_pixel_with_one_black_column_and_row_added()
    {
        var path = TestImages.Clip(Path.Combine(TestData.TempDirectory(), "odd.mp4"), 37, 23, 7, PixelFormat.Rgb, 25);

        var frames = await CameraStream.Open(CaptureSource.Parse(path)).ToList().Timeout(TimeSpan.FromSeconds(30));
        Assert.Equal(7, frames.Count);
        Assert.All(frames, f => Assert.Equal((38, 24), (f.Image.Width, f.Image.Height)));
        var expected = ImageOps.Convert(TestImages.Pattern(37, 23, PixelFormat.Rgb, 3), PixelFormat.Bgr);
        var read = ImageOps.Crop(frames[3].Image, 0, 0, 37, 23).Pixels;
        var meanError = expected.Pixels.Zip(read, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 16, $"mp4v is lossy but close: mean abs error {meanError}");
    }

    [Fact]
    public async Task A_frame_buffer_reused_right_after_Write_is_encoded_as_it_was_written()
    {
        var path = Path.Combine(TestData.TempDirectory(), "reused.mp4");
        var frame = Image.Blank(64, 48, PixelFormat.Rgb);
        using (var writer = VideoFileWriter.Create(path, 64, 48, 10))
        {
            for (var t = 0; t < 6; t++)
            {
                TestImages.Pattern(64, 48, PixelFormat.Rgb, 40 * t).Pixels.CopyTo(frame.Pixels, 0);
                writer.Write(frame);
            }

            Array.Clear(frame.Pixels);
            writer.Complete();
        }

        var frames = await CameraStream.Open(CaptureSource.Parse(path)).ToList().Timeout(TimeSpan.FromSeconds(30));
        Assert.Equal(6, frames.Count);
        for (var t = 0; t < 6; t++)
        {
            var expected = ImageOps.Convert(TestImages.Pattern(64, 48, PixelFormat.Rgb, 40 * t), PixelFormat.Bgr).Pixels;
            var meanError = expected.Zip(frames[t].Image.Pixels, (a, b) => Math.Abs(a - b)).Average();
            Assert.True(meanError < 12, $"frame {t}: mean abs error {meanError}");
        }
    }

    [Fact]
    public void A_frame_of_another_size_is_refused_naming_the_output()
    {
        var dir = TestData.TempDirectory();
        using var video = VideoFileWriter.Create(Path.Combine(dir, "v.mp4"), 32, 24, 10);
        using var folder = new ImageFolderWriter(Path.Combine(dir, "frames"), 32, 24);
        var small = TestImages.Pattern(16, 12, PixelFormat.Rgb, 0);

        foreach (IFrameWriter writer in new IFrameWriter[] { video, folder })
        {
            var e = Assert.Throws<ArgumentException>(() => writer.Write(small));
            Assert.Contains(dir, e.Message, StringComparison.Ordinal);
            Assert.Contains("16x12", e.Message, StringComparison.Ordinal);
            Assert.Equal(0, writer.FramesWritten);
        }
    }
}
