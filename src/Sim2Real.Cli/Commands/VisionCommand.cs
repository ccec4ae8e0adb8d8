using System.CommandLine;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Vision;
using Sim2Real.Vision.Benchmarks;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Cli.Commands;

/// <summary>`sim2real vision bench`: speed of the camera path, with Python cv2 as the reference in the same run.</summary>
internal static class VisionCommand
{
    public static Command Create()
    {
        var command = new Command("vision", "Camera pipeline tools.");
        var calibration = new Option<string>("--calibration") { Description = "camera_info YAML whose undistortion the preprocessing applies", DefaultValueFactory = _ => "calibration/left/left.yaml" };
        var iterations = new Option<int>("--iterations") { Description = "Frames to preprocess", DefaultValueFactory = _ => 2000 };
        var frames = new Option<int>("--video-frames") { Description = "Frames in the benchmark MP4", DefaultValueFactory = _ => 300 };
        var reference = new Option<string?>("--reference") { Description = "Python cv2 reference script", DefaultValueFactory = _ => "bench/vision_reference.py" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds, each running C# then the cv2 reference", DefaultValueFactory = _ => 3 };
        var boards = new Option<string>("--boards") { Description = "Chessboard images (9x6 inner corners) for the calibration timing", DefaultValueFactory = _ => "/usr/share/doc/opencv-doc/examples/data/left??.jpg" };
        var bench = new Command("bench", "Preprocessing p50/p99 (640x480 -> 84x84 stack), capture-to-observable latency on an MP4 and calibration time on the sample chessboards, against Python cv2 in the same rounds.");
        foreach (var o in new Option[] { calibration, iterations, frames, reference, rounds, boards })
        {
            bench.Options.Add(o);
        }

        bench.SetAction(parse =>
        {
            var roundCount = FlagBounds.Count(parse.GetValue(rounds), "--rounds", 20, "each round runs C# then cv2");
            var iterationCount = FlagBounds.Count(parse.GetValue(iterations), "--iterations", 100_000, "about a millisecond per frame and side");
            var frameCount = FlagBounds.Count(parse.GetValue(frames), "--video-frames", 10_000, "frames encoded into the benchmark MP4");
            var script = parse.GetValue(reference);
            // The default script is looked for from the repository root and skipped elsewhere; one the user named must exist.
            if (parse.GetResult(reference) is { Implicit: false } && script is not null && !File.Exists(script))
            {
                throw new InvalidConfigException("command line", "--reference", $"no such file: {script}");
            }

            OpenCvInfo.EnsureLoaded();
            var camera = CameraInfoYaml.Read(parse.GetValue(calibration)!);
            return LiveProgress.Status(Console.Out, $"vision bench: {roundCount} round(s) of C# then cv2", log =>
                VisionBench.Run(log, camera, iterationCount, frameCount, script, roundCount, parse.GetValue(boards)!));
        });
        command.Subcommands.Add(bench);
        return command;
    }
}
