using System.Text.Json;
using Sim2Real.Cli.Commands;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Cli.Tests.Commands;

public sealed class SimPlayCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-sim-play-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Play_writes_png_frames_for_every_episode_and_reports_each()
    {
        var frames = Path.Combine(_dir, "frames");

        var (code, output, error) = Run("sim", "play", "--robot", "arm6", "--task", "reach", "--episodes", "2", "--policy", "zero", "--width", "48", "--height", "32", "--quality", "fast", "--out", frames);

        Assert.True(code == 0, output + error);
        Assert.Contains("episode 1: 50 steps", output, StringComparison.Ordinal);
        Assert.Equal(102, Directory.GetFiles(frames, "frame_*.png").Length);
    }

    [Fact]
    public void Play_writes_an_mp4_holding_every_frame_and_nothing_beside_it()
    {
        var video = Path.Combine(_dir, "film", "reach.mp4");

        var (code, output, error) = Run("sim", "play", "--robot", "arm6", "--task", "reach", "--episodes", "1", "--policy", "zero", "--width", "49", "--height", "33", "--quality", "fast", "--out", video);

        Assert.True(code == 0, output + error);
        Assert.Contains($"wrote 51 frames at 25 frames/s to {video}", output, StringComparison.Ordinal);
        using var reader = new OpenCvSharp.VideoCapture(video, OpenCvSharp.VideoCaptureAPIs.FFMPEG);
        Assert.Equal((50, 34, 51), (reader.FrameWidth, reader.FrameHeight, reader.FrameCount));
        Assert.Equal([video], Directory.GetFileSystemEntries(Path.GetDirectoryName(video)!));
    }

    [Fact]
    public void Play_with_a_policy_file_scores_its_mean_actions_without_filming()
    {
        var policy = Policy("policy.safetensors");
        string[] args = ["sim", "play", "--robot", "arm6", "--task", "reach", "--episodes", "2", "--randomize", "--policy", policy];

        var (code, output, error) = Run(args);

        Assert.True(code == 0, output + error);
        Assert.Contains("episode 1: 50 steps", output, StringComparison.Ordinal);
        Assert.Contains("distance_m", output, StringComparison.Ordinal);
        Assert.Contains("2 episodes: success", output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", output, StringComparison.Ordinal);
        Assert.Equal(output, Run(args).Output);
    }

    [Fact]
    public void Play_with_a_weights_only_checkpoint_is_refused_saying_how_to_make_a_policy_file()
    {
        var checkpoint = Checkpoint("agent.safetensors", StateSize());

        var (code, _, error) = Run("sim", "play", "--robot", "arm6", "--task", "reach", "--policy", checkpoint);

        Assert.Equal(1, code);
        Assert.Contains("weights-only agent checkpoint", error, StringComparison.Ordinal);
        Assert.Contains("policy bundle", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_with_a_policy_for_another_task_is_refused_naming_the_first_differing_field()
    {
        var policy = Policy("reach.safetensors");

        var (code, _, error) = Run("sim", "play", "--robot", "arm6", "--task", "push", "--policy", policy);

        Assert.Equal(1, code);
        Assert.Contains("reach.safetensors observes 'target'", error, StringComparison.Ordinal);
        Assert.Contains("'task_state'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_with_another_action_repeat_than_the_policy_was_trained_with_is_refused()
    {
        var policy = Policy("repeat.safetensors");

        var (code, _, error) = Run("sim", "play", "--robot", "arm6", "--task", "reach", "--policy", policy, "--action-repeat", "4");

        Assert.Equal(1, code);
        Assert.Contains("policy period of 0.04 s", error, StringComparison.Ordinal);
        Assert.Contains("0.08 s", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_with_a_truncated_checkpoint_fails_naming_the_file()
    {
        var checkpoint = Checkpoint("cut.safetensors", StateSize());
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length / 2)]);

        var (code, _, error) = Run("sim", "play", "--robot", "arm6", "--task", "reach", "--policy", checkpoint);

        Assert.Equal(1, code);
        Assert.Contains("cut.safetensors", error, StringComparison.Ordinal);
    }

    private static int StateSize()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        return env.Reset(0).Observation.State.Length;
    }

    private string Policy(string name)
    {
        var checkpoint = Checkpoint("weights-" + name, StateSize());
        var path = Path.Combine(_dir, name);
        Sim2Real.Training.PolicyBundler.Bundle(checkpoint, new EnvironmentOptions { Robot = "arm6", Task = "reach" }, path, "test");
        return path;
    }

    private string Checkpoint(string name, int stateSize)
    {
        var path = Path.Combine(_dir, name);
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 8, HiddenDim = 16 }, [stateSize], 6);
        AgentCheckpoint.Save(agent, path);
        return path;
    }

    [Fact]
    public void Play_of_a_task_the_robot_lacks_fails_naming_the_tasks_it_has()
    {
        var (code, _, error) = Run("sim", "play", "--robot", "quad12", "--task", "reach", "--out", Path.Combine(_dir, "x.mp4"));

        Assert.Equal(1, code);
        Assert.Contains("it offers: walk, walk_rough", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_of_an_unknown_robot_fails_naming_the_known_ones()
    {
        var (code, _, error) = Run("sim", "play", "--robot", "hexapod", "--task", "walk", "--out", Path.Combine(_dir, "x.mp4"));

        Assert.Equal(1, code);
        Assert.Contains("unknown robot 'hexapod'", error, StringComparison.Ordinal);
        Assert.Contains("quad12", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Envbench_ends_with_a_json_line_of_agent_steps_per_second()
    {
        var (code, output, error) = Run("sim", "envbench", "--robot", "quad12", "--task", "walk", "--envs", "2", "--threads", "2", "--steps", "30", "--randomize", "--json");

        Assert.True(code == 0, output + error);
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        Assert.True(json.RootElement.GetProperty("agent_steps_per_second").GetDouble() > 0);
        Assert.Equal(60, json.RootElement.GetProperty("agent_steps").GetInt32());
        Assert.True(json.RootElement.GetProperty("randomize").GetBoolean());
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
