using Sim2Real.Files;
using Sim2Real.Learning.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision.Preprocessing;
using Sim2Real.Vision.Video;

namespace Sim2Real.Training;

/// <summary>
/// Films one evaluation episode: the policy acts on its own observation environment while a camera environment,
/// seeded the same and driven by the same actions, renders each agent step at video size into an MP4, which
/// appears only once the episode is filmed.
/// </summary>
internal sealed class EvalVideo(EnvironmentOptions agentEnvironment, int size = 160)
{
    /// <summary>
    /// Writes the episode to <paramref name="directory"/>/<paramref name="name"/>.mp4; returns its path, or null for a
    /// robot without cameras, which trains on states without videos.
    /// </summary>
    public string? Record(string directory, string name, IPolicy policy, FramePreprocessorOptions? frames, int seed)
    {
        var cameraOptions = agentEnvironment with { Pixels = true, ImageWidth = size, ImageHeight = size, RenderQuality = RenderQuality.High };
        using var env = RobotEnvironments.Create(agentEnvironment);
        if (agentEnvironment.Camera is null && env.Robot.Cameras.Count == 0)
        {
            return null;
        }

        using var camera = RobotEnvironments.Create(cameraOptions);
        var observations = new ObservationPipeline(frames);
        var mp4 = Path.Combine(directory, name + ".mp4");
        AtomicFile.WriteVia(mp4, temp =>
        {
            using var video = VideoFileWriter.Create(temp, size, size, EpisodePlayer.FramesPerSecond(agentEnvironment));
            var action = new float[env.ActionSpec.Size];
            var ts = env.Reset(seed);
            var view = camera.Reset(seed);
            policy.Reset();
            video.Write(view.Frame!);
            while (!ts.IsLast)
            {
                policy.Act(observations.Observe(ts), action);
                ts = env.Step(action);
                view = camera.Step(action);
                video.Write(view.Frame!);
            }

            video.Complete();
        });

        return mp4;
    }
}
