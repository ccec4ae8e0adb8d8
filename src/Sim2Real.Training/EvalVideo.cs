using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Training;

/// <summary>
/// Films one evaluation episode: the agent acts on its own observation environment while a camera environment,
/// seeded the same and driven by the same actions, renders each agent step at video size. MP4 when ffmpeg is
/// installed, numbered PNG frames otherwise.
/// </summary>
internal sealed class EvalVideo(EnvironmentOptions agentEnvironment, int size = 160)
{
    /// <summary>Writes the episode under <paramref name="directory"/>; returns the path written (file or folder).</summary>
    public string Record(string directory, string name, DrQV2Agent agent, int seed, long step, Func<TimeStep, Tensor> observe)
    {
        var cameraOptions = agentEnvironment with { Pixels = true, FrameStack = 1, ImageWidth = size, ImageHeight = size, RenderQuality = RenderQuality.High };
        using var env = RobotEnvironments.Create(agentEnvironment);
        using var camera = RobotEnvironments.Create(cameraOptions);
        Directory.CreateDirectory(directory);
        var mp4 = Path.Combine(directory, name + ".mp4");
        IFrameSink sink;
        string written;
        try
        {
            sink = new FfmpegVideoSink(mp4, size, size, EpisodePlayer.FramesPerSecond(agentEnvironment));
            written = mp4;
        }
        catch (FfmpegNotFoundException)
        {
            written = Path.Combine(directory, name);
            sink = new PngFrameSink(written, size, size);
        }

        using (sink)
        {
            var rgb = new byte[size * size * 3];
            var action = new float[env.ActionSpec.Size];
            var ts = env.Reset(seed);
            var view = camera.Reset(seed);
            Write(sink, view, rgb, size);
            while (!ts.IsLast)
            {
                using (var scope = TensorScope.Begin())
                {
                    agent.Act(observe(ts), step, evalMode: true).CopyTo<float>(action);
                }

                ts = env.Step(action);
                view = camera.Step(action);
                Write(sink, view, rgb, size);
            }

            sink.Complete();
        }

        return written;
    }

    /// <summary>Observations are channel-first [3, H, W]; sinks take rows of RGB pixels.</summary>
    private static void Write(IFrameSink sink, TimeStep view, byte[] rgb, int size)
    {
        var chw = view.Observation.Pixels!;
        var plane = size * size;
        for (var i = 0; i < plane; i++)
        {
            rgb[3 * i] = chw[i];
            rgb[(3 * i) + 1] = chw[plane + i];
            rgb[(3 * i) + 2] = chw[(2 * plane) + i];
        }

        sink.Write(rgb);
    }
}
