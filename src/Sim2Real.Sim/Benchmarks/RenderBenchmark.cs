using System.Diagnostics;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Benchmarks;

/// <summary>Times rendering alone (scene update, draw, read-back, flip); one untimed physics step between frames.</summary>
public static class RenderBenchmark
{
    public static RenderBenchmarkResult Run(MjModel model, string? camera, RenderOptions options, int frames)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        using var data = model.CreateData();
        using var renderer = new MjRenderer(model, options);
        var cameraId = camera is null ? -1 : model.CameraId(camera);
        var rgb = new byte[renderer.FrameBytes];
        data.Forward();
        renderer.Render(data, cameraId, rgb); // the first frame also compiles shaders and uploads meshes

        var rendering = TimeSpan.Zero;
        for (var i = 0; i < frames; i++)
        {
            data.Step();
            var start = Stopwatch.GetTimestamp();
            renderer.Render(data, cameraId, rgb);
            rendering += Stopwatch.GetElapsedTime(start);
        }

        var seconds = rendering.TotalSeconds;
        return new RenderBenchmarkResult(model.Source, camera ?? "free", options.Width, options.Height,
            options.Quality.ToString().ToLowerInvariant(), MjRenderer.BackendDescription, frames, seconds, frames / seconds);
    }
}
