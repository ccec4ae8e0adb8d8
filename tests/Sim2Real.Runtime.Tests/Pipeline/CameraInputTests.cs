using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;
using Calibration = Sim2Real.Vision.Calibration.CameraInfo;

namespace Sim2Real.Runtime.Tests.Pipeline;

public class CameraInputTests
{
    private static LoopHarness PixelArm(Calibration? calibration = null)
    {
        var options = LoopHarness.Arm(w => w with { CameraTimeout = TimeSpan.FromMilliseconds(250) }) with
        {
            Camera = Pixels.Camera,
            Calibration = calibration,
            Policy = "pixels.safetensors",
        };
        var h = new LoopHarness(options, Pixels.Policy((_, _) => new float[6]), frames: Pixels.Preprocessor());
        var robot = h.Robot();
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped()));
        return h;
    }

    [Fact]
    public void Refuses_a_camera_info_of_another_size()
    {
        using var h = PixelArm();
        h.At(0.01, () => h.CameraInfo.OnNext(Pixels.Info(640, 480)));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Refused, h.Loop.State);
        Assert.Equal("/camera/camera_info: the camera gives 640x480 frames; pixels.safetensors was trained on 84x84 from camera 'scene'", h.Loop.Refusal);
        Assert.Empty(h.Outputs.Commands);
    }

    [Fact]
    public void Warns_when_the_live_intrinsics_differ_from_the_calibration()
    {
        var calibration = Calibration.Pinhole("scene", 84, 84, 90, 90, 41.5, 41.5);
        using var h = PixelArm(calibration);
        Pixels.Stream(h);
        h.At(0.0015, () => h.CameraInfo.OnNext(Pixels.Info(fx: 120)));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Running, h.Loop.State);
        var warning = Assert.Single(h.Notices, n => n.Kind == LoopNoticeKind.Warning);
        Assert.Contains("fx 120", warning.Message, StringComparison.Ordinal);
        Assert.Contains("the launch file's calibration is what undistorts", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_image_of_the_wrong_encoding()
    {
        using var h = PixelArm();
        h.At(0.001, () => h.CameraInfo.OnNext(Pixels.Info()));
        h.At(0.01, () => h.Images.OnNext(Pixels.Frame(7) with { Encoding = "16UC1" }));

        h.RunTo(1.0);

        Assert.Equal(LoopState.Refused, h.Loop.State);
        Assert.StartsWith("/camera/image_raw: image encoding '16UC1' is not one", h.Loop.Refusal, StringComparison.Ordinal);
        Assert.Empty(h.Outputs.Commands);
    }

    [Fact]
    public void Trips_on_an_image_of_the_wrong_size_once_running()
    {
        using var h = PixelArm();
        Pixels.Stream(h);
        h.At(2.0, () => h.Images.OnNext(Pixels.Frame(9, 96, 96)));

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.CameraInvalid);
        Assert.Equal(0, trip.Reaction());
        Assert.Contains("96x96", trip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pixel_policy_sees_the_newest_frame_stacked_once_per_policy_tick()
    {
        using var h = PixelArm();
        Pixels.Stream(h);

        h.RunTo(1.0);

        Assert.Equal(LoopState.Running, h.Loop.State);
        var seen = h.Policy.Seen;
        Assert.True(seen.Count > 20);
        // Stack of 3, oldest first: the newest frame is the last 84x84x3 block, and every tick pushes one frame.
        var last = seen[^1].Pixels!;
        var previous = seen[^2].Pixels!;
        Assert.Equal(9 * 84 * 84, last.Length);
        Assert.Equal(previous.AsSpan(3 * 84 * 84).ToArray(), last.AsSpan(0, 6 * 84 * 84).ToArray());
        Assert.Equal(9 * 84 * 84, h.Outputs.Ticks[^1].Pixels.Length);
        Assert.Equal([9u, 84u, 84u], h.Outputs.Ticks[^1].PixelsShape);
    }
}
