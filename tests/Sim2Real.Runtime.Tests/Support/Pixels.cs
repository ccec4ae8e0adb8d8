using System.Reactive.Concurrency;
using Sim2Real.Robotics.Policies;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>A pixel policy's camera (84x84, stack 3) and a camera publishing frames and its camera_info.</summary>
internal static class Pixels
{
    public static PolicyCamera Camera { get; } = new()
    {
        Name = "scene",
        Width = 84,
        Height = 84,
        OutputWidth = 84,
        OutputHeight = 84,
        FrameStack = 3,
    };

    public static FramePreprocessor Preprocessor() => new(Camera.ToPreprocessorOptions(null, "test"));

    public static FakePolicy Policy(Func<int, Sim2Real.Robotics.Observations.Observation, float[]> act) =>
        new(0, 6, act, [9, 84, 84]);

    public static Image Frame(byte shade, int width = 84, int height = 84, string encoding = "rgb8") => new()
    {
        Width = (uint)width,
        Height = (uint)height,
        Encoding = encoding,
        Step = (uint)(width * 3),
        Data = Enumerable.Repeat(shade, width * height * 3).ToArray(),
    };

    public static CameraInfo Info(int width = 84, int height = 84, double fx = 90) => new()
    {
        Width = (uint)width,
        Height = (uint)height,
        DistortionModel = "plumb_bob",
        D = [0, 0, 0, 0, 0],
        K = [fx, 0, (width - 1) / 2.0, 0, fx, (height - 1) / 2.0, 0, 0, 1],
        R = [1, 0, 0, 0, 1, 0, 0, 0, 1],
        P = [fx, 0, (width - 1) / 2.0, 0, 0, fx, (height - 1) / 2.0, 0, 0, 0, 1, 0],
    };

    /// <summary>camera_info then a frame every 40 ms (the policy period), each a different shade.</summary>
    public static ImageStream Stream(LoopHarness h)
    {
        var stream = new ImageStream();
        h.At(0.001, () => h.CameraInfo.OnNext(Info()));
        byte shade = 0;
        h.Scheduler.SchedulePeriodic(TimeSpan.FromMilliseconds(40), () =>
        {
            if (stream.Publishing)
            {
                stream.LastAt = h.Scheduler.Now;
                h.Images.OnNext(Frame(shade++) with { Header = new Header() });
            }
        });
        return stream;
    }

    internal sealed class ImageStream
    {
        public bool Publishing { get; set; } = true;

        public DateTimeOffset LastAt { get; set; }
    }
}
