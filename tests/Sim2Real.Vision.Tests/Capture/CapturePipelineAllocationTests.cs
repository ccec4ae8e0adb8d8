using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Capture;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Vision.Tests.Capture;

[Collection(NativeLedgerCollection.Name)]
public class CapturePipelineAllocationTests
{
    private const int Frames = 10_000;
    private const int WarmUp = 50;

    [Fact]
    public void Ten_thousand_video_frames_through_capture_undistortion_and_the_stack_allocate_nothing_and_leave_no_mat_alive()
    {
        var path = TestImages.Clip(Path.Combine(TestData.TempDirectory(), "long.mp4"), 64, 48, Frames, PixelFormat.Bgr, 30, t => t % 64);

        var camera = new CameraInfo("tiny", 64, 48, [60, 0, 32, 0, 60, 24, 0, 0, 1], CameraInfo.PlumbBob, [-0.2, 0.05, 0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1], [55, 0, 32, 0, 0, 55, 24, 0, 0, 0, 1, 0]);
        var options = new FramePreprocessorOptions { InputWidth = 64, InputHeight = 48, Calibration = camera, Crop = new CropRegion(8, 0, 48, 48), OutputWidth = 24, OutputHeight = 24 };
        var matsBefore = LiveMats.Count;
        var finalizedBefore = LiveMats.Finalized;
        long allocated;
        var frames = 0;
        var (fewestMats, mostMats) = (long.MaxValue, long.MinValue);
        using (var reader = OpenCvFrameReader.Open(CaptureSource.Parse(path), new CameraStreamOptions { ReuseFrameBuffer = true }))
        {
            var stack = new FramePreprocessor(options).NewStack();
            var observation = new byte[stack.ObservationBytes];
            var checksum = 0L;
            for (; frames < WarmUp && reader.Grab(); frames++)
            {
                stack.PushFrame(reader.Retrieve());
                stack.CopyTo(observation);
            }

            var start = GC.GetAllocatedBytesForCurrentThread();
            while (reader.Grab())
            {
                stack.PushFrame(reader.Retrieve());
                stack.CopyTo(observation);
                checksum += observation[frames % observation.Length];
                (fewestMats, mostMats) = (Math.Min(fewestMats, LiveMats.Count), Math.Max(mostMats, LiveMats.Count));
                frames++;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - start;
            Assert.True(checksum > 0, "the observations hold the video's pixels");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(Frames, frames);
        Assert.True(allocated == 0, $"{allocated} bytes allocated over {Frames - WarmUp} frames ({(double)allocated / (Frames - WarmUp):0.#} per frame)");
        Assert.True(fewestMats == mostMats, $"live Mats changed between frames: {fewestMats} to {mostMats}");
        Assert.Equal(matsBefore, LiveMats.Count);
        Assert.Equal(finalizedBefore, LiveMats.Finalized);
    }
}
