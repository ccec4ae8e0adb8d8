using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;
using Sim2Real.Sim.Robots;
using Sim2Real.Vision.Video;

namespace Sim2Real.Training.Tests;

/// <summary>
/// robot.yaml may list no cameras (an empty <c>cameras:</c>): states, playing and training work; what needs a camera
/// (filming, pixels) is one error naming robot.yaml's cameras, never an index out of range.
/// </summary>
public sealed class RobotWithoutCamerasTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-no-cameras-").FullName;

    public RobotWithoutCamerasTests()
    {
        var source = Path.GetDirectoryName(RobotCatalog.Discover().Load("arm6").Source)!;
        var copy = Path.Combine(_dir, "robots", "arm6");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var yaml = Path.Combine(copy, "robot.yaml");
        var lines = File.ReadAllLines(yaml).ToList();
        var start = lines.FindIndex(l => l.StartsWith("cameras:", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && !char.IsWhiteSpace(l[0]));
        lines.RemoveRange(start, end - start);
        lines.Insert(start, "cameras:");
        File.WriteAllLines(yaml, lines);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EnvironmentOptions Options => new() { Robot = "arm6", Task = "reach", RobotsRoot = Path.Combine(_dir, "robots") };

    [Fact]
    public void Plays_and_scores_episodes_without_filming_them()
    {
        var summaries = EpisodePlayer.Play(Options, new PlayOptions(), sink: null);

        Assert.Single(summaries);
    }

    [Fact]
    public void Filming_or_pixel_observations_name_robot_yaml_cameras()
    {
        using var sink = new ImageFolderWriter(Path.Combine(_dir, "frames"), 320, 240);

        var filming = Assert.Throws<InvalidConfigException>(() => EpisodePlayer.Play(Options, new PlayOptions(), sink));
        var pixels = Assert.Throws<InvalidConfigException>(() => RobotEnvironments.Create(Options with { Pixels = true }));

        Assert.Equal("cameras", filming.Field);
        Assert.Contains("has no cameras, and filming (--out) needs one", filming.Message, StringComparison.Ordinal);
        Assert.Equal("cameras", pixels.Field);
        Assert.EndsWith("robot.yaml", pixels.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_on_states_films_no_video_rather_than_failing()
    {
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 8, HiddenDim = 16 }, [27], 6);
        using var policy = DrQV2Policy.Borrow(agent, "test");

        var video = new EvalVideo(Options).Record(Path.Combine(_dir, "eval_video"), "frame_0", policy, frames: null, seed: 1);

        Assert.Null(video);
        Assert.False(Directory.Exists(Path.Combine(_dir, "eval_video")));
    }
}
