using Sim2Real.Sim.Environments;
using Sim2Real.Core.Imaging;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision.Video;

namespace Sim2Real.Sim.Playback;

/// <summary>
/// Runs episodes with a random, zero or trained policy and films them: one frame per agent step, rendered from a
/// camera of the environment's own (possibly randomized) model.
/// </summary>
public static class EpisodePlayer
{
    /// <summary>Agent steps per second of sim time, so the video plays in real time.</summary>
    public static double FramesPerSecond(EnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var robot = (options.RobotsRoot is null ? Robots.RobotCatalog.Discover() : new Robots.RobotCatalog(options.RobotsRoot)).Load(options.Robot);
        return 1.0 / (robot.Control.PeriodS * options.ActionRepeat);
    }

    /// <param name="policy">Chooses the actions when given (a trained agent); otherwise <see cref="PlayOptions.Policy"/> does.
    /// The environment gives pixel observations only when <paramref name="environment"/> asks for them.</param>
    /// <param name="sink">Where the frames go; null plays without filming (scoring a policy only).</param>
    public static IReadOnlyList<EpisodeSummary> Play(EnvironmentOptions environment, PlayOptions play, IFrameWriter? sink, ChooseAction? policy = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(play);
        play.Validate();
        using var env = (RobotEnvironment)RobotEnvironments.Create(environment);
        // Only filming needs a camera: a robot without one can still be played and scored.
        var camera = play.Camera ?? (sink is null ? null : env.Robot.Spec.DefaultCamera("filming (--out)").Name);
        if (camera is not null)
        {
            env.Robot.Camera(camera);
        }

        using var renderer = sink is null ? null : new MjRenderer(env.Model, new RenderOptions { Width = play.Width, Height = play.Height, Quality = play.Quality });
        var cameraId = camera is null ? -1 : env.Model.CameraId(camera);
        // One frame, rendered into and written out at every step.
        var frame = renderer is null ? null : Image.Blank(renderer.Width, renderer.Height, PixelFormat.Rgb);
        void Film()
        {
            if (renderer is not null)
            {
                renderer.Render(env.Data, cameraId, frame!.Pixels);
                sink!.Write(frame);
            }
        }

        var random = new Random(play.Seed);
        var action = new float[env.ActionSpec.Size];
        var summaries = new List<EpisodeSummary>();
        for (var episode = 0; episode < play.Episodes; episode++)
        {
            var step = env.Reset(Core.EpisodeSeeds.World(play.Seed, episode));
            Film();
            var total = 0.0;
            var count = 0;
            while (!step.IsLast)
            {
                if (policy is not null)
                {
                    policy(step, action);
                }
                else
                {
                    for (var i = 0; i < action.Length; i++)
                    {
                        action[i] = play.Policy == PlayPolicy.Random ? (float)((2 * random.NextDouble()) - 1) : 0f;
                    }
                }

                step = env.Step(action);
                total += step.Reward;
                count++;
                Film();
            }

            summaries.Add(new EpisodeSummary(episode, count, total, step.Info.Success, step.Terminated, step.Info.Factors.Summary(), step.Info.Metrics));
        }

        sink?.Complete();
        return summaries;
    }
}

/// <summary>Writes the action for <paramref name="step"/>'s observation into <paramref name="action"/>.</summary>
public delegate void ChooseAction(TimeStep step, Span<float> action);
