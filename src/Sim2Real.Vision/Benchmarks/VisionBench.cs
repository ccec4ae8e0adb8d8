using System.Diagnostics;
using System.Globalization;
using System.Reactive.Linq;
using Sim2Real.Core.Imaging;
using Sim2Real.Vision;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Capture;
using Sim2Real.Vision.Preprocessing;
using Sim2Real.Vision.Video;

namespace Sim2Real.Vision.Benchmarks;

/// <summary>
/// Measures the camera path: preprocessing one 640x480 frame into the 84x84x3-stack observation, the latency from
/// grab to OnNext when reading an MP4 file, and a chessboard calibration of OpenCV's sample boards. Python cv2 runs
/// the same work in the same round as the reference; rounds alternate the two, and each prints the machine's load.
/// </summary>
public static class VisionBench
{
    private const int CalibrationRepeats = 3;

    public static int Run(TextWriter output, CameraInfo camera, int iterations, int videoFrames, string? referenceScript, int rounds, string boards)
    {
        var inv = CultureInfo.InvariantCulture;
        var work = Path.Combine(Path.GetTempPath(), "s2r-vision-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var frame = Synthetic(camera.ImageWidth, camera.ImageHeight, 0);
            var crop = new CropRegion((camera.ImageWidth - camera.ImageHeight) / 2, 0, camera.ImageHeight, camera.ImageHeight);
            var options = new FramePreprocessorOptions { InputWidth = camera.ImageWidth, InputHeight = camera.ImageHeight, Calibration = camera, Crop = crop };
            var video = Path.Combine(work, "bench.mp4");
            using (var writer = VideoFileWriter.Create(video, camera.ImageWidth, camera.ImageHeight, 30))
            {
                for (var t = 0; t < videoFrames; t++)
                {
                    writer.Write(Synthetic(camera.ImageWidth, camera.ImageHeight, t));
                }
            }

            var png = Path.Combine(work, "frame.png");
            ImageCodec.Write(png, frame);
            var boardPaths = ImageGlob.Expand(boards);
            var reference = referenceScript is not null && File.Exists(referenceScript) ? referenceScript : null;
            output.WriteLine(string.Create(inv, $"OpenCV {OpenCvInfo.Version} in C#; preprocess {camera.ImageWidth}x{camera.ImageHeight} BGR -> undistort, crop {crop}, resize 84x84, RGB, stack 3 ({iterations} frames); capture: {videoFrames}-frame mp4v file, FFmpeg backend; calibration: {boardPaths.Count} boards, best of {CalibrationRepeats}"));
            if (reference is null)
            {
                output.WriteLine($"reference skipped: {referenceScript ?? "(none)"} not found (run from the repository root)");
            }

            var ratios = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            void Ratio(string name, double value) => (ratios.TryGetValue(name, out var list) ? list : ratios[name] = []).Add(value);
            for (var round = 1; round <= rounds; round++)
            {
                output.WriteLine(string.Create(inv, $"round {round}/{rounds} (load average {LoadAverage()} on {Environment.ProcessorCount} cores)"));
                var pre = Preprocess(options, frame, iterations);
                var file = CaptureSource.Parse(video);
                var owned = Capture(file, reuse: false);
                var lent = Capture(file, reuse: true);
                var piped = Capture(file with { Backend = CaptureBackend.FfmpegProcess }, reuse: true);
                var (grab, retrieve) = OpenCvSharpRead(video);
                var observed = CaptureToObservation(file, options);
                var (calibrateMs, ours) = Calibrate(boardPaths);
                var py = reference is null ? null : VisionReferenceRun.Run(reference,
                [
                    png, Join(camera.K), Join(camera.D), Join(camera.P), $"{crop.X},{crop.Y},{crop.Width},{crop.Height}",
                    iterations.ToString(inv), video, string.Join(',', boardPaths), CalibrationRepeats.ToString(inv),
                ]);
                output.WriteLine($"  preprocess                          C# {pre.Format("us")}" + (py is null ? "" : $" | cv2 {py.Preprocess.Format("us")} | {Ratios(pre, py.Preprocess)}"));
                output.WriteLine($"  capture grab->OnNext, owned frames  C# {owned.Format("us")}" + (py is null ? "" : $" | cv2 read {py.Read.Format("us")} | {Ratios(owned, py.Read)}"));
                output.WriteLine($"  capture grab->OnNext, lent buffer   C# {lent.Format("us")}" + (py is null ? "" : $" | cv2 read {py.Read.Format("us")} | {Ratios(lent, py.Read)}"));
                output.WriteLine($"  same, ffmpeg process backend        C# {piped.Format("us")}" + (py is null ? "" : $" | cv2 read {py.Read.Format("us")} | {Ratios(piped, py.Read)}"));
                output.WriteLine(string.Create(inv, $"  where it goes: OpenCvSharp's FFmpeg grab p50 {grab.P50:0.0} us, retrieve p50 {retrieve.P50:0.0} us") + (py is null ? "" : string.Create(inv, $" | cv2 grab p50 {py.Grab.P50:0.0} us, retrieve p50 {py.Retrieve.P50:0.0} us")));
                output.WriteLine($"  grab->[9,84,84] obs., lent buffer   C# {observed.Format("us")}");
                output.WriteLine(string.Create(inv, $"  calibration                         C# {calibrateMs,8:0.0} ms") + (py is null ? "" : string.Create(inv, $" | cv2 {py.CalibrateBestMs,8:0.0} ms | ratio {calibrateMs / py.CalibrateBestMs:0.00}")));
                if (py is not null)
                {
                    Ratio("preprocess p50", pre.P50 / py.Preprocess.P50);
                    Ratio("preprocess p99", pre.P99 / py.Preprocess.P99);
                    Ratio("capture owned p50 vs read", owned.P50 / py.Read.P50);
                    Ratio("capture owned p99 vs read", owned.P99 / py.Read.P99);
                    Ratio("capture lent p50 vs read", lent.P50 / py.Read.P50);
                    Ratio("capture lent p99 vs read", lent.P99 / py.Read.P99);
                    Ratio("ffmpeg process p50 vs read", piped.P50 / py.Read.P50);
                    Ratio("ffmpeg process p99 vs read", piped.P99 / py.Read.P99);
                    Ratio("retrieve p50 (4.13 vs 4.6)", retrieve.P50 / py.Retrieve.P50);
                    Ratio("calibration", calibrateMs / py.CalibrateBestMs);
                    if (round == 1)
                    {
                        output.WriteLine($"  calibration figures                 C# {ours}");
                        output.WriteLine($"                                      cv2 {py.Version}: {py.Calibration}");
                    }
                }
            }

            if (ratios.Count > 0)
            {
                output.WriteLine($"ratios C#/cv2 over {rounds} round(s), median (min-max):");
                foreach (var (name, values) in ratios)
                {
                    var sorted = values.Order().ToArray();
                    output.WriteLine(string.Create(inv, $"  {name,-24} {sorted[sorted.Length / 2]:0.00} ({sorted[0]:0.00}-{sorted[^1]:0.00})"));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static LatencySummary Preprocess(FramePreprocessorOptions options, Image frame, int iterations)
    {
        var stack = new FramePreprocessor(options).NewStack();
        var times = new double[iterations];
        for (var i = -100; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            stack.Push(frame, DateTimeOffset.UnixEpoch);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        return LatencySummary.From(times);
    }

    private static LatencySummary Capture(CaptureSource source, bool reuse)
    {
        var latencies = new List<double>();
        var clock = TimeProvider.System;
        CameraStream.Open(source, new CameraStreamOptions { TimeProvider = clock, ReuseFrameBuffer = reuse })
            .Do(f => latencies.Add((clock.GetUtcNow() - f.CapturedAt).TotalMicroseconds))
            .IgnoreElements()
            .DefaultIfEmpty()
            .Wait();
        return LatencySummary.From(latencies);
    }

    /// <summary>The steps under the stream: OpenCvSharp's VideoCapture grab and retrieve into one Mat.</summary>
    private static (LatencySummary Grab, LatencySummary Retrieve) OpenCvSharpRead(string video)
    {
        using var capture = new OpenCvSharp.VideoCapture(video, OpenCvSharp.VideoCaptureAPIs.FFMPEG);
        using var frame = new OpenCvSharp.Mat();
        var (grabs, retrieves) = (new List<double>(), new List<double>());
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            if (!capture.Grab())
            {
                break;
            }

            var grabbed = Stopwatch.GetTimestamp();
            capture.Retrieve(frame);
            grabs.Add(Stopwatch.GetElapsedTime(start, grabbed).TotalMicroseconds);
            retrieves.Add(Stopwatch.GetElapsedTime(grabbed).TotalMicroseconds);
        }

        return (LatencySummary.From(grabs), LatencySummary.From(retrieves));
    }

    private static LatencySummary CaptureToObservation(CaptureSource source, FramePreprocessorOptions options)
    {
        var latencies = new List<double>();
        var clock = TimeProvider.System;
        CameraStream.Open(source, new CameraStreamOptions { TimeProvider = clock, ReuseFrameBuffer = true })
            .Preprocess(new FramePreprocessor(options))
            .Do(o => latencies.Add((clock.GetUtcNow() - o.Timestamp).TotalMicroseconds))
            .IgnoreElements()
            .DefaultIfEmpty()
            .Wait();
        return LatencySummary.From(latencies);
    }

    /// <summary>Reads, detects and solves as <c>calibrate intrinsics</c> does; the best of a few repeats, in milliseconds.</summary>
    private static (double Milliseconds, CalibrationFigures Figures) Calibrate(IReadOnlyList<string> boards)
    {
        var best = double.MaxValue;
        CalibrationFigures? figures = null;
        for (var r = 0; r < CalibrationRepeats; r++)
        {
            var start = Stopwatch.GetTimestamp();
            var calibrator = new IntrinsicsCalibrator(new Chessboard(ChessboardSpec.Parse("9x6", 0.025)));
            foreach (var path in boards)
            {
                calibrator.AddView(Path.GetFileName(path), ImageCodec.Read(path, grayscale: true));
            }

            var result = calibrator.Solve("left");
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var c = result.Camera;
            figures = new CalibrationFigures(result.Views.Count, result.RmsErrorPixels, c.Fx, c.Fy, c.Cx, c.Cy);
        }

        return (best, figures!);
    }

    private static string Ratios(LatencySummary ours, LatencySummary theirs) =>
        string.Create(CultureInfo.InvariantCulture, $"ratio p50 {ours.P50 / theirs.P50:0.00}, p99 {ours.P99 / theirs.P99:0.00}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Join(double[] v) => string.Join(",", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));

    private static Image Synthetic(int width, int height, int t)
    {
        var image = Image.Blank(width, height, PixelFormat.Bgr);
        var px = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                px[i] = (byte)(((x + t) / 20 + (y / 20)) % 2 == 0 ? 30 : 220);
                px[i + 1] = (byte)(x * 255 / width);
                px[i + 2] = (byte)((y * 255 / height) ^ t);
            }
        }

        return image;
    }
}
