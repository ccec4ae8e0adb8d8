using System.CommandLine;
using System.Globalization;
using Sim2Real.Files;
using Sim2Real.Learning.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;
using Sim2Real.Sim.Rendering;
using Sim2Real.Sim.Worlds;
using Sim2Real.Training;
using Sim2Real.Vision.Video;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary><c>sim play</c>: runs episodes with a random, zero or trained policy; scores them and films them as an MP4 or PNG frames.</summary>
internal static class SimPlayCommand
{
    public static Command Create()
    {
        var robot = new Option<string>("--robot") { Description = "robot folder name under robots/, e.g. arm6", Required = true };
        var task = new Option<string>("--task") { Description = "task: reach, push (arm6); walk, walk_rough (quad12)", Required = true };
        var randomize = new Option<bool>("--randomize") { Description = "sample physics and visual factors per episode from robot.yaml (the same as --world randomized)" };
        var world = new Option<string?>("--world") { Description = "world: nominal, randomized, real-like (robot.yaml's held-out world) or another world robot.yaml defines; default nominal" };
        var episodes = new Option<int>("--episodes") { Description = "episodes to play", DefaultValueFactory = _ => 1 };
        var policy = new Option<string>("--policy") { Description = "random, zero, or a policy file (policy.safetensors, written by train) acting with its mean action", DefaultValueFactory = _ => "random" };
        var camera = new Option<string?>("--camera") { Description = "camera to film (default: the robot's first)" };
        var width = new Option<int>("--width") { Description = "frame width in pixels", DefaultValueFactory = _ => 320 };
        var height = new Option<int>("--height") { Description = "frame height in pixels", DefaultValueFactory = _ => 240 };
        var seed = new Option<int>("--seed") { Description = "run seed: episode k is the world EpisodeSeeds.World(seed, k), as in training and sim serve", DefaultValueFactory = _ => 0 };
        var repeat = new Option<int?>("--action-repeat") { Description = "control steps per agent step (one frame each); default: the policy's, else the robot's" };
        var quality = new Option<string>("--quality") { Description = "high (MSAA, shadows) or fast", DefaultValueFactory = _ => "high" };
        var output = new Option<string?>("--out") { Description = "a .mp4 file (MPEG-4 video) or a folder for frame_000000.png, ...; without it nothing is filmed" };
        var command = new Command("play", "Play episodes of a robot task with a random, zero or trained policy; print each episode's outcome; film them as an MP4 or PNG frames.")
        {
            robot, task, randomize, world, episodes, policy, camera, width, height, seed, repeat, quality, output,
        };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var policyName = parse.GetValue(policy)!;
            var isFile = policyName.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);
            var chosen = policyName switch
            {
                "random" => PlayPolicy.Random,
                "zero" => PlayPolicy.Zero,
                _ when isFile => PlayPolicy.Zero,
                _ => throw new ArgumentException($"--policy must be 'random', 'zero' or a policy file (.safetensors), got '{policyName}'"),
            };
            using var agent = isFile ? PolicyFile.Load(policyName) : null;
            var qualityName = parse.GetValue(quality)!;
            var renderQuality = qualityName switch
            {
                "high" => RenderQuality.High,
                "fast" => RenderQuality.Fast,
                _ => throw new ArgumentException($"--quality must be 'high' or 'fast', got '{qualityName}'"),
            };
            var environment = new EnvironmentOptions
            {
                Robot = parse.GetValue(robot)!,
                Task = parse.GetValue(task)!,
                Randomize = parse.GetValue(randomize),
                World = parse.GetValue(world),
                ActionRepeat = parse.GetValue(repeat) ?? agent?.Manifest.Timing.ActionRepeat ?? 2,
                Pixels = agent?.Manifest.Observation.Camera is not null,
                Camera = agent?.Manifest.Observation.Camera?.Name,
            };
            OptionFlags.Check(environment.Validate, "environment options", new Dictionary<string, string> { ["action_repeat"] = "--action-repeat" });
            var play = new PlayOptions
            {
                Episodes = parse.GetValue(episodes),
                Policy = chosen,
                Seed = parse.GetValue(seed),
                Camera = parse.GetValue(camera),
                Width = parse.GetValue(width),
                Height = parse.GetValue(height),
                Quality = renderQuality,
            };
            OptionFlags.Check(play.Validate, "play options", new Dictionary<string, string> { ["episodes"] = "--episodes", ["size"] = "--width/--height" });
            ChooseAction? act = null;
            if (agent is not null)
            {
                using (var probe = RobotEnvironments.Create(environment))
                {
                    foreach (var warning in PolicyPlayback.Check(agent, probe, environment.ActionRepeat))
                    {
                        parse.InvocationConfiguration.Error.WriteLine($"sim2real sim play: warning: {warning}");
                    }
                }

                // The environment refuses a NaN action too, but only a check here can say that the policy file is the cause.
                var drive = PolicyPlayback.Drive(agent.Policy, PolicyPlayback.Frames(agent));
                act = (step, action) =>
                {
                    drive(step, action);
                    for (var k = 0; k < action.Length; k++)
                    {
                        if (!float.IsFinite(action[k]))
                        {
                            throw new InvalidDataException($"{policyName}: action[{k}] is {action[k]} for a finite observation: the policy's weights hold non-finite values; nothing written");
                        }
                    }
                };
            }

            var target = parse.GetValue(output);
            var fps = EpisodePlayer.FramesPerSecond(environment);
            var played = target is null ? EpisodePlayer.Play(environment, play, null, act) : PlayInto(target, environment, play, act, fps);
            var frames = 0;
            foreach (var episode in played)
            {
                frames += episode.AgentSteps + 1;
                var metrics = string.Concat(episode.FinalMetrics.Select(m => string.Create(CultureInfo.InvariantCulture, $", {m.Key} {m.Value:0.####}")));
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"episode {episode.Episode}: {episode.AgentSteps} steps, return {episode.Return:F2}, success {episode.Success}, terminated {episode.Terminated}{metrics}{(environment.WorldName != WorldNames.Nominal ? $", factors: {episode.Factors}" : "")}"));
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{played.Count} episodes: success {played.Count(e => e.Success) / (double)played.Count:P0}, mean return {played.Average(e => e.Return):F2}"));
            if (target is not null)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {frames} frames at {fps:0.#} frames/s to {target}"));
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Films into a temporary sibling that replaces <paramref name="target"/> only once every episode played: a bad
    /// camera, a policy acting with NaN or the encoder failing leaves no partial video and no half-filled folder.
    /// </summary>
    private static IReadOnlyList<EpisodeSummary> PlayInto(string target, EnvironmentOptions environment, PlayOptions play, ChooseAction? act, double fps)
    {
        IReadOnlyList<EpisodeSummary> played = [];
        if (target.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteVia(target, temp =>
            {
                using var video = VideoFileWriter.Create(temp, play.Width, play.Height, fps);
                played = EpisodePlayer.Play(environment, play, video, act);
            });
        }
        else
        {
            AtomicDirectory.Write(target, ImageFolderWriter.Pattern, temp =>
            {
                using var frames = new ImageFolderWriter(temp, play.Width, play.Height);
                played = EpisodePlayer.Play(environment, play, frames, act);
            });
        }

        return played;
    }
}
