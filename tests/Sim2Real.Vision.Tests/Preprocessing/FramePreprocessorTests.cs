using Sim2Real.Core.Imaging;
using System.Reactive.Linq;
using Sim2Real.Core;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Capture;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Vision.Tests.Preprocessing;

public class FramePreprocessorTests
{
    private static readonly CameraInfo Camera = new(
        "wrist", 640, 480, [532.80, 0, 342.48, 0, 532.91, 233.89, 0, 0, 1], CameraInfo.PlumbBob,
        [-0.2810, 0.0291, 0.0012, -0.00013, 0.1625], [1, 0, 0, 0, 1, 0, 0, 0, 1], [458.4, 0, 343.6, 0, 0, 458.5, 229.6, 0, 0, 0, 1, 0]);

    private static FramePreprocessorOptions Options(CameraInfo? calibration) => new()
    {
        InputWidth = 640,
        InputHeight = 480,
        Calibration = calibration,
        Crop = new CropRegion(80, 0, 480, 480),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Simulated_and_camera_frames_of_the_same_scene_give_identical_observations(bool undistort)
    {
        var options = Options(undistort ? Camera : null);
        var scenes = Enumerable.Range(0, 5).Select(t => TestImages.Pattern(640, 480, PixelFormat.Rgb, t)).ToArray();

        // Training: RGB frames straight from the renderer into a frame stack.
        var training = new FramePreprocessor(options).NewStack();
        var simulated = scenes.Select((s, t) => training.Push(s, DateTimeOffset.UnixEpoch.AddSeconds(t)).Data).ToArray();

        // Deployment: the same scenes as a camera delivers them (BGR image files), through capture and the observable.
        var folder = TestData.TempDirectory();
        for (var t = 0; t < scenes.Length; t++)
        {
            ImageCodec.Write(Path.Combine(folder, $"frame_{t:000}.png"), scenes[t]);
        }

        var deployed = await CameraStream.Open(CaptureSource.Parse(folder))
            .Preprocess(new FramePreprocessor(options))
            .ToList()
            .Timeout(TimeSpan.FromSeconds(30));

        Assert.Equal(scenes.Length, deployed.Count);
        for (var t = 0; t < scenes.Length; t++)
        {
            Assert.Equal([9, 84, 84], deployed[t].Shape);
            Assert.True(simulated[t].AsSpan().SequenceEqual(deployed[t].Data), $"observation {t} differs between the sim and camera paths");
        }
    }

    [Fact]
    public void Stacks_channel_first_oldest_frame_first_in_rgb_order()
    {
        var stack = new FramePreprocessor(new FramePreprocessorOptions { InputWidth = 8, InputHeight = 6, OutputWidth = 4, OutputHeight = 3 }).NewStack();
        static Image Solid(byte r, byte g, byte b) =>
            new(8, 6, PixelFormat.Bgr, Enumerable.Range(0, 48).SelectMany(_ => new[] { b, g, r }).ToArray());

        var first = stack.Reset(Solid(1, 2, 3), DateTimeOffset.UnixEpoch);
        var second = stack.Push(Solid(4, 5, 6), DateTimeOffset.UnixEpoch);
        var third = stack.Push(Solid(7, 8, 9), DateTimeOffset.UnixEpoch);

        Assert.Equal([9, 3, 4], third.Shape);
        Assert.Equal([1, 2, 3, 1, 2, 3, 1, 2, 3], Planes(first));
        Assert.Equal([1, 2, 3, 1, 2, 3, 4, 5, 6], Planes(second));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], Planes(third));
        Assert.Equal(2, third.Sequence);
    }

    [Fact]
    public void Matches_python_cv2_crop_resize_and_transpose()
    {
        var frame = TestImages.Pattern(640, 480, PixelFormat.Bgr, 7);
        var path = Path.Combine(TestData.TempDirectory(), "frame.png");
        ImageCodec.Write(path, frame);

        var ours = new FramePreprocessor(Options(null)).Process(frame);
        var python = Python.RunJson(TestData.Reference("preprocess_cv2.py"), path, "80", "0", "480", "480", "84");

        Assert.Equal(python.GetProperty("chw").EnumerateArray().Select(v => (byte)v.GetInt32()), ours);
    }

    [Fact]
    public void Wrong_sized_frame_is_a_clear_error()
    {
        var preprocessor = new FramePreprocessor(Options(Camera));

        var e = Assert.Throws<FrameSizeMismatchException>(() => preprocessor.Process(Image.Blank(320, 240, PixelFormat.Bgr)));

        Assert.Contains("frame is 320x240 but preprocessing expects 640x480 (camera 'wrist' calibration)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(600, 0, 100, 100, "crop")]
    [InlineData(0, 0, 0, 10, "crop")]
    public void Invalid_crop_is_rejected_when_configured(int x, int y, int w, int h, string field)
    {
        var e = Assert.Throws<InvalidConfigException>(() => new FramePreprocessor(Options(null) with { Crop = new CropRegion(x, y, w, h) }));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Calibration_of_another_resolution_is_rejected()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new FramePreprocessor(Options(Camera) with { InputWidth = 1280, InputHeight = 720, Crop = null }));

        Assert.Equal("calibration", e.Field);
        Assert.Contains("calibrated at 640x480 but frames are 1280x720", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Planes(StackedObservation o) =>
        Enumerable.Range(0, o.Channels).Select(c => o.Data[c * o.Height * o.Width]).ToArray();
}
