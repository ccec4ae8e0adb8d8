using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Sim.Benchmarks;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary><c>sim bench</c>: steps per second through the bindings (the workload of mujoco-testspeed), optionally render frames per second.</summary>
internal static class SimBenchCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "MJCF file to step", Required = true };
        var steps = new Option<int>("--steps") { Description = "steps per thread", DefaultValueFactory = _ => 10000 };
        var threads = new Option<int>("--threads") { Description = "independent mjData stepped in parallel, one per thread", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "end with one JSON line (steps_per_second, ...)" };
        var render = new Option<bool>("--render") { Description = "also time rendering (fast quality) at --size" };
        var size = new Option<int>("--size") { Description = "rendered frame side in pixels", DefaultValueFactory = _ => 84 };
        var frames = new Option<int>("--frames") { Description = "frames to time with --render", DefaultValueFactory = _ => 300 };
        var camera = new Option<string?>("--camera") { Description = "camera for --render (default: free camera)" };
        var command = new Command("bench", "Measure stepping speed (steps/s) of a model with testspeed's workload; --render adds frames/s.")
        {
            model, steps, threads, json, render, size, frames, camera,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var stepCount = FlagBounds.Count(parse.GetValue(steps), "--steps", 100_000_000, "minutes at this model's 10^5 steps/s");
            var threadCount = FlagBounds.Threads(parse.GetValue(threads));
            // Checked before the stepping part runs, so a bad render flag does not cost the first measurement.
            var side = FlagBounds.Count(parse.GetValue(size), "--size", RenderOptions.MaxSide, "pixels a side");
            var frameCount = FlagBounds.Count(parse.GetValue(frames), "--frames", 100_000, "minutes of rendering");

            using var loaded = MjModel.FromXmlFile(parse.GetValue(model)!);
            var stepping = LiveProgress.Status(output, $"stepping {Path.GetFileName(parse.GetValue(model))}: {stepCount} steps x {threadCount} thread(s)", _ =>
            {
                StepBenchmark.Run(loaded, Math.Min(stepCount, 200), threadCount); // JIT and caches warm, as a native loop is
                return StepBenchmark.Run(loaded, stepCount, threadCount);
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(stepping.Model)}: {stepping.StepsPerThread} steps x {stepping.Threads} thread(s) in {stepping.Seconds:F3} s = {stepping.StepsPerSecond:F0} steps/s; {stepping.StepsPerCpuSecond:F0} steps per CPU second (contacts/step {stepping.ContactsPerStep:F2})"));

            var report = JsonSerializer.SerializeToNode(stepping, SimJson.Options)!.AsObject();
            if (parse.GetValue(render))
            {
                var options = new RenderOptions { Width = side, Height = side, Quality = RenderQuality.Fast };
                var drawing = LiveProgress.Status(output, $"rendering {frameCount} frames at {options.Width}x{options.Height}", _ =>
                    RenderBenchmark.Run(loaded, parse.GetValue(camera), options, frameCount));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"render {drawing.Width}x{drawing.Height} {drawing.Quality} from {drawing.Camera}: {drawing.Frames} frames in {drawing.Seconds:F3} s = {drawing.FramesPerSecond:F1} frames/s ({drawing.Backend})"));
                report["render"] = JsonSerializer.SerializeToNode(drawing, SimJson.Options);
                report["frames_per_second"] = drawing.FramesPerSecond;
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(report.ToJsonString(SimJson.Options));
            }

            return 0;
        });
        return command;
    }
}
