using System.CommandLine;
using Sim2Real.Cli.Vision;
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
        var bench = new Command("bench", "Preprocessing p50/p99 (640x480 -> 84x84 stack) and capture-to-observable latency on an MP4, against Python cv2 in the same run.");
        foreach (var o in new Option[] { calibration, iterations, frames, reference })
        {
            bench.Options.Add(o);
        }

        bench.SetAction(parse => VisionBench.Run(
            Console.Out, CameraInfoYaml.Read(parse.GetValue(calibration)!), parse.GetValue(iterations), parse.GetValue(frames), parse.GetValue(reference)));
        command.Subcommands.Add(bench);
        return command;
    }
}
