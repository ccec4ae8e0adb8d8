using Sim2Real.Core.Imaging;
using System.Reactive.Linq;
using Sim2Real.Core;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Vision.Tests.Capture;

/// <summary>Real OpenCV backends on real files and unreachable endpoints, in real time (each well under a second).</summary>
public class RealSourceTests
{
    private static readonly CameraStreamOptions Quick = new()
    {
        ReconnectAttempts = 1,
        ReconnectDelay = TimeSpan.FromMilliseconds(10),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(10),
        OpenTimeout = TimeSpan.FromSeconds(5),
        FrameTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Mp4_written_with_mp4v_reads_back_through_ffmpeg_and_completes()
    {
        var path = TestImages.Clip(Path.Combine(TestData.TempDirectory(), "clip.mp4"), 64, 48, 10, PixelFormat.Rgb);

        var source = CaptureSource.Parse(path);
        var frames = await CameraStream.Open(source, Quick).ToList().Timeout(TimeSpan.FromSeconds(30));

        Assert.Equal(CaptureBackend.Ffmpeg, source.Backend);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), frames.Select(f => f.Sequence));
        Assert.All(frames, f => Assert.Equal((64, 48, PixelFormat.Bgr), (f.Image.Width, f.Image.Height, f.Image.Format)));
        var expected = ImageOps.Convert(TestImages.Pattern(64, 48, PixelFormat.Rgb, 3), PixelFormat.Bgr).Pixels;
        var meanError = expected.Zip(frames[3].Image.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 12, $"mp4v is lossy but close: mean abs error {meanError}");
    }

    [Fact]
    public async Task Lent_frame_buffer_is_one_image_that_each_frame_overwrites()
    {
        var path = TestImages.Clip(Path.Combine(TestData.TempDirectory(), "clip.mp4"), 64, 48, 5, PixelFormat.Bgr, phase: t => 50 * t);

        var seen = new List<(Image Image, byte[] Copy)>();
        await CameraStream.Open(CaptureSource.Parse(path), Quick with { ReuseFrameBuffer = true })
            .Do(f => seen.Add((f.Image, [.. f.Image.Pixels])))
            .ToList()
            .Timeout(TimeSpan.FromSeconds(30));
        var owned = await CameraStream.Open(CaptureSource.Parse(path), Quick).ToList().Timeout(TimeSpan.FromSeconds(30));

        Assert.Equal(5, seen.Count);
        Assert.All(seen, s => Assert.Same(seen[0].Image, s.Image));
        Assert.Equal(5, owned.Select(f => f.Image).Distinct().Count());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(owned[i].Image.Pixels, seen[i].Copy);
        }
    }

    [Fact]
    public async Task Video_whose_codec_the_bundled_ffmpeg_lacks_fails_naming_the_file_and_the_codec()
    {
        var path = TestData.Fixture("av1_64x48.mkv");
        var source = CaptureSource.Parse(path);

        var e = await Assert.ThrowsAsync<VideoCodecException>(async () =>
            await CameraStream.Open(source, Quick).ToList().Timeout(TimeSpan.FromSeconds(30)));

        Assert.Equal(path, e.FilePath);
        Assert.Equal("AV01", e.Codec);
        Assert.True(
            e.Message.StartsWith($"{path}: cannot decode its video: codec 'AV01' (AV1) has no decoder in the FFmpeg bundled with OpenCV 4.13", StringComparison.Ordinal),
            e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task Image_folder_plays_in_name_order_and_a_corrupt_file_ends_it_with_its_name()
    {
        var dir = TestData.TempDirectory();
        for (var t = 0; t < 3; t++)
        {
            ImageCodec.Write(Path.Combine(dir, $"frame_{t:0000}.png"), TestImages.Pattern(16, 12, PixelFormat.Bgr, t));
        }

        var good = await CameraStream.Open(CaptureSource.Parse(dir), Quick).ToList().Timeout(TimeSpan.FromSeconds(30));
        File.WriteAllText(Path.Combine(dir, "frame_0003.png"), "not a png");
        var frames = new List<CapturedFrame>();
        var e = await Assert.ThrowsAsync<ImageFileException>(async () =>
            await CameraStream.Open(CaptureSource.Parse(dir), Quick).Do(frames.Add).ToList().Timeout(TimeSpan.FromSeconds(30)));

        Assert.Equal(TestImages.Pattern(16, 12, PixelFormat.Bgr, 2).Pixels, good[2].Image.Pixels);
        Assert.Equal(3, frames.Count);
        Assert.EndsWith("frame_0003.png", e.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_mjpeg_stream_is_read_through_an_ffmpeg_process_and_reconnects_after_a_drop()
    {
        var frames = Enumerable.Range(0, 4).Select(t => TestImages.Pattern(64, 48, PixelFormat.Bgr, 40 * t)).ToArray();
        using var camera = new MjpegServer(frames, framesPerConnection: 4);
        var source = CaptureSource.Parse(camera.Url);

        var received = await CameraStream.Open(source, Quick with { ReconnectAttempts = 3 })
            .Take(10)
            .ToList()
            .Timeout(TimeSpan.FromSeconds(60));

        Assert.Equal((CaptureSourceKind.NetworkStream, CaptureBackend.FfmpegProcess), (source.Kind, source.Backend));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), received.Select(f => f.Sequence));
        Assert.True(received[^1].Connection >= 3, $"frames came over {received[^1].Connection} connection(s); the server drops each after 4 frames");
        Assert.True(camera.Connections >= 3);
        Assert.All(received, f => Assert.Equal((64, 48), (f.Image.Width, f.Image.Height)));
        var meanError = frames[1].Pixels.Zip(received[1].Image.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 8, $"JPEG at quality 95 is close to the source: mean abs error {meanError}");
    }

    [Theory]
    [InlineData("rtsp://127.0.0.1:9/stream")]
    [InlineData("http://127.0.0.1:9/video.mjpg")]
    [InlineData("/dev/video63")]
    public async Task Unreachable_live_source_is_reported_dead(string location)
    {
        var source = CaptureSource.Parse(location);

        var e = await Assert.ThrowsAsync<CaptureSourceLostException>(async () =>
            await CameraStream.Open(source, Quick).ToList().Timeout(TimeSpan.FromSeconds(60)));

        Assert.True(source.IsLive);
        Assert.Contains($"{location}: source lost: no frames after 2 attempt(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_that_does_not_exist_is_a_config_error()
    {
        var e = Assert.Throws<InvalidConfigException>(() => CaptureSource.Parse("/nonexistent/clip.mp4"));
        Assert.Equal("--source", e.Field);
        Assert.Equal(CaptureBackend.V4L2, CaptureSource.Parse("0").Backend);
        Assert.Equal(CaptureSourceKind.NetworkStream, CaptureSource.Parse("rtsp://cam.local/live").Kind);
    }
}
