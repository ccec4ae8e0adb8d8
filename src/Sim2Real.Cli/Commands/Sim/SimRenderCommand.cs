using System.CommandLine;
using Sim2Real.Files;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary><c>sim render</c>: one PNG frame of a model or robot from a named camera, at the "home" keyframe when there is one.</summary>
internal static class SimRenderCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "MJCF file to render" };
        var robot = new Option<string?>("--robot") { Description = "robot name: renders robots/<name>/scene.xml" };
        var camera = new Option<string?>("--camera") { Description = "camera name (default: the free camera)" };
        var size = new Option<int>("--size") { Description = "frame side in pixels", DefaultValueFactory = _ => 84 };
        var width = new Option<int?>("--width") { Description = "frame width (overrides --size)" };
        var height = new Option<int?>("--height") { Description = "frame height (overrides --size)" };
        var quality = new Option<RenderQuality>("--quality") { Description = "fast (training) or high (videos)", DefaultValueFactory = _ => RenderQuality.Fast };
        var output = new Option<string>("--out") { Description = "PNG file to write", Required = true };
        var command = new Command("render", "Render one RGB frame of a model or robot to a PNG file.")
        {
            model, robot, camera, size, width, height, quality, output,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(model) is null) == (result.GetValue(robot) is null))
            {
                result.AddError("give exactly one of --model <xml> or --robot <name>");
            }
        });
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(model) ?? RobotScenes.SceneOf(parse.GetValue(robot)!);
            int Side(Option<int?> exact) => parse.GetValue(exact) is { } value
                ? FlagBounds.Count(value, exact.Name, RenderOptions.MaxSide, "pixels a side")
                : FlagBounds.Count(parse.GetValue(size), size.Name, RenderOptions.MaxSide, "pixels a side");
            var options = new RenderOptions
            {
                Width = Side(width),
                Height = Side(height),
                Quality = parse.GetValue(quality),
            }.Validate();
            using var loaded = MjModel.FromXmlFile(path);
            using var data = loaded.CreateData();
            var cameraName = parse.GetValue(camera);
            if (cameraName is not null)
            {
                loaded.CameraId(cameraName); // unknown names fail before any GL work starts
            }

            if (loaded.TryGetId(MjtObj.mjOBJ_KEY, "home", out var home))
            {
                data.ResetToKeyframe(home);
            }

            data.Forward();
            using var renderer = new MjRenderer(loaded, options);
            var frame = renderer.Render(data, cameraName);
            var file = parse.GetValue(output)!;
            // Encoded into a temporary sibling first: a folder or unwritable path is one line naming it, and never a partial PNG.
            AtomicFile.Write(file, stream => stream.Write(ImageCodec.Encode(frame, ".png")));
            writer.WriteLine($"wrote {file}: {frame.Width}x{frame.Height} {options.Quality.ToString().ToLowerInvariant()} frame of {path} from {cameraName ?? "the free camera"} ({MjRenderer.BackendDescription})");
            return 0;
        });
        return command;
    }
}
