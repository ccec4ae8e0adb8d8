using System.Text.Json;
using Sim2Real.Learning.DrQV2;

namespace Sim2Real.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class PolicyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-policy-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Policy_info_shows_robot_joints_timing_layout_networks_and_provenance()
    {
        var policy = Bundle();

        var (code, output, error) = CliRunner.Run("policy", "info", policy);

        Assert.True(code == 0, error);
        foreach (var expected in new[]
        {
            "robot: arm6", "content_hash: sha256:", "action_mode: position_offset", "shoulder_yaw", "wrist_yaw", "home      1.6 rad",
            "control_period_s: 0.02", "action_repeat: 2", "policy_period_s: 0.04", "observation: state float32[27]",
            "joint_pos                  joint_position[6]  sampled latest_at_tick  minus home",
            "previous_action            previous_action[6]  sampled previous_command",
            "target                     target_position[3]  sampled latest_task_command",
            "pixels: none", "action: float32[6]", "agent: drqv2", "feature_dim: 8  hidden_dim: 16", "encoder", "actor", "command: sim2real policy bundle",
        })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Policy_info_json_prints_one_object_with_the_manifest()
    {
        var policy = Bundle();

        var (code, output, _) = CliRunner.Run("policy", "info", policy, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("arm6", json.RootElement.GetProperty("robot").GetProperty("name").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("timing").GetProperty("action_repeat").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("observation").GetProperty("fields").GetArrayLength());
    }

    [Fact]
    public void Policy_info_on_a_weights_only_checkpoint_says_how_to_make_a_policy_file()
    {
        var checkpoint = Checkpoint(27);

        var (code, _, error) = CliRunner.Run("policy", "info", checkpoint);

        Assert.Equal(1, code);
        Assert.Contains("weights-only agent checkpoint", error, StringComparison.Ordinal);
        Assert.Contains("./sim2real policy bundle --checkpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundling_an_agent_of_another_size_than_the_task_observes_is_refused_naming_both()
    {
        var checkpoint = Checkpoint(10);

        var (code, _, error) = CliRunner.Run("policy", "bundle", "--checkpoint", checkpoint, "--robot", "arm6", "--task", "reach", "--out", Path.Combine(_dir, "p.safetensors"));

        Assert.Equal(1, code);
        Assert.Contains("the agent takes [10]", error, StringComparison.Ordinal);
        Assert.Contains("observes [27]", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "p.safetensors")));
    }

    private string Bundle()
    {
        var path = Path.Combine(_dir, "policy.safetensors");
        var (code, _, error) = CliRunner.Run("policy", "bundle", "--checkpoint", Checkpoint(27), "--robot", "arm6", "--task", "reach", "--out", path);
        Assert.True(code == 0, error);
        return path;
    }

    private string Checkpoint(int stateSize)
    {
        var path = Path.Combine(_dir, $"agent{stateSize}.safetensors");
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 8, HiddenDim = 16 }, [stateSize], 6);
        AgentCheckpoint.Save(agent, path);
        return path;
    }
}
