using Sim2Real.Learning.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>
/// Films one evaluation episode: the policy acts on its own observation environment while a camera environment,
/// seeded the same and driven by the same actions, renders each agent step at video size. MP4 when ffmpeg is
/// installed, numbered PNG frames otherwise.
/// </summary>
internal sealed class EvalVideo(EnvironmentOptions agentEnvironment, int size = 160)
{
    /// <summary>Writes the episode under <paramref name="directory"/>; returns the path written (file or folder).</summary>
    public string Record(string directory, string name, IPolicy policy, FramePreprocessorOptions? frames, int seed)
    {
        var cameraOptions = agentEnvironment with { Pixels = true, ImageWidth = size, ImageHeight = size, RenderQuality = RenderQuality.High };
        using var env = RobotEnvironments.Create(agentEnvironment);
        using var camera = RobotEnvironments.Create(cameraOptions);
        var observations = new ObservationPipeline(frames);
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
            var action = new float[env.ActionSpec.Size];
            var ts = env.Reset(seed);
            var view = camera.Reset(seed);
            policy.Reset();
            sink.Write(view.Frame!.Pixels);
            while (!ts.IsLast)
            {
                policy.Act(observations.Observe(ts), action);
                ts = env.Step(action);
                view = camera.Step(action);
                sink.Write(view.Frame!.Pixels);
            }

            sink.Complete();
        }

        return written;
    }
}
