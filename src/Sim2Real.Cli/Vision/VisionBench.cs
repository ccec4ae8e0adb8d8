using Sim2Real.Core.Imaging;
using System.Diagnostics;
using System.Globalization;
using System.Reactive.Linq;
using System.Text.Json;
using Sim2Real.Vision;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Capture;
using Sim2Real.Vision.Preprocessing;
using Sim2Real.Vision.Video;

namespace Sim2Real.Cli.Vision;

/// <summary>
/// Measures the camera path: preprocessing one 640x480 frame into the 84x84x3-stack observation, and the latency
/// from grab to OnNext when reading an MP4 file; Python cv2 runs the same work in the same run as the reference.
/// </summary>
internal static class VisionBench
{
    public static int Run(TextWriter output, CameraInfo camera, int iterations, int videoFrames, string? referenceScript)
    {
        var inv = CultureInfo.InvariantCulture;
        var work = Path.Combine(Path.GetTempPath(), "s2r-vision-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var frame = Synthetic(camera.ImageWidth, camera.ImageHeight, 0);
            var crop = new CropRegion((camera.ImageWidth - camera.ImageHeight) / 2, 0, camera.ImageHeight, camera.ImageHeight);
            var preprocessor = new FramePreprocessor(new FramePreprocessorOptions
            {
                InputWidth = camera.ImageWidth,
                InputHeight = camera.ImageHeight,
                Calibration = camera,
                Crop = crop,
            });
            var stack = preprocessor.NewStack();
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

            output.WriteLine(string.Create(inv, $"preprocess {camera.ImageWidth}x{camera.ImageHeight} BGR -> undistort, crop {crop}, resize 84x84, RGB, stack 3 -> uint8 [9,84,84] ({iterations} frames)"));
            output.WriteLine(Line("  C# (Sim2Real.Vision)", times));

            var video = Path.Combine(work, "bench.mp4");
            using (var writer = VideoFileWriter.Create(video, camera.ImageWidth, camera.ImageHeight, 30))
            {
                for (var t = 0; t < videoFrames; t++)
                {
                    writer.Write(Synthetic(camera.ImageWidth, camera.ImageHeight, t));
                }
            }

            var latencies = new List<double>();
            var clock = TimeProvider.System;
            var wall = Stopwatch.StartNew();
            CameraStream.Open(CaptureSource.Parse(video), new CameraStreamOptions { TimeProvider = clock })
                .Do(f => latencies.Add((clock.GetUtcNow() - f.CapturedAt).TotalMicroseconds))
                .ToList()
                .Wait();
            wall.Stop();
            output.WriteLine(string.Create(inv, $"capture to observable, {videoFrames}-frame {camera.ImageWidth}x{camera.ImageHeight} mp4v file (FFmpeg backend): grab timestamp -> OnNext (decode + copy)"));
            output.WriteLine(Line("  C# CameraStream", [.. latencies]) + string.Create(inv, $"; {latencies.Count / wall.Elapsed.TotalSeconds:0} frames/s"));
            var observed = new List<double>();
            CameraStream.Open(CaptureSource.Parse(video), new CameraStreamOptions { TimeProvider = clock })
                .Preprocess(new FramePreprocessor(preprocessor.Options))
                .Do(o => observed.Add((clock.GetUtcNow() - o.Timestamp).TotalMicroseconds))
                .ToList()
                .Wait();
            output.WriteLine(Line("  C# CameraStream + Preprocess (grab -> [9,84,84] observation)", [.. observed]));

            if (referenceScript is not null && File.Exists(referenceScript))
            {
                var png = Path.Combine(work, "frame.png");
                ImageCodec.Write(png, frame);
                var json = RunPython(referenceScript, png, Join(camera.K), Join(camera.D), Join(camera.P),
                    $"{crop.X},{crop.Y},{crop.Width},{crop.Height}", iterations.ToString(inv), video);
                var pyPre = json.GetProperty("preprocess_us").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                var pyRead = json.GetProperty("read_us").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                output.WriteLine("reference, same run: Python cv2 " + OpenCvInfo.Version);
                output.WriteLine(Line("  preprocess (remap, resize, cvtColor, transpose, concatenate)", pyPre));
                output.WriteLine(Line("  VideoCapture.read (grab + decode)", pyRead));
                output.WriteLine(string.Create(inv, $"ratios C#/Python (p50): preprocess {Percentile(times, 50) / Percentile(pyPre, 50):0.00}, capture {Percentile([.. latencies], 50) / Percentile(pyRead, 50):0.00}"));
            }
            else
            {
                output.WriteLine($"reference skipped: {referenceScript ?? "(none)"} not found (run from the repository root)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Line(string label, double[] microseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}: p50 {Percentile(microseconds, 50):0.0} us, p99 {Percentile(microseconds, 99):0.0} us, mean {microseconds.Average():0.0} us");

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

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

    private static JsonElement RunPython(string script, params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {stderr.Result}");
        }

        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
