using Sim2Real.Core;
using Sim2Real.Learning.Policies;
using Sim2Real.Mcap;
using Sim2Real.Replay.Logs;
using Sim2Real.Replay.Policy;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Replay.Tests;

public sealed class PolicyReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Replays_every_tick_of_the_logged_policy_bit_identically()
    {
        var policyPath = TestPolicies.Write(_dir.File("policy.safetensors"), seed: 1);
        PolicyLog.Write(_dir.File("run.mcap"), policyPath);

        using var policy = PolicyFile.Load(policyPath);
        var result = PolicyReplay.Run(DeploymentLog.Read(_dir.File("run.mcap")), policy, identical: true);

        Assert.True(result.Identical, result.Mismatch?.ToString());
        Assert.Equal(2 * PolicyLog.TicksPerEpisode, result.Ticks);
        Assert.Equal(2, result.Episodes);
    }

    [Fact]
    public void Fails_on_the_first_tick_whose_action_differs_by_one_bit()
    {
        var policyPath = TestPolicies.Write(_dir.File("policy.safetensors"), seed: 1);
        PolicyLog.Write(_dir.File("run.mcap"), policyPath, corrupt: (i, tick) =>
        {
            if (i is 7 or 9)
            {
                var raw = (float[])tick.RawAction.Clone();
                raw[3] = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(raw[3]) ^ 1);
                return tick with { RawAction = raw };
            }

            return tick;
        });

        using var policy = PolicyFile.Load(policyPath);
        var result = PolicyReplay.Run(DeploymentLog.Read(_dir.File("run.mcap")), policy, identical: true);

        Assert.False(result.Identical);
        var mismatch = Assert.IsType<ActionMismatch>(result.Mismatch);
        Assert.Equal((7, 7UL, 3, "wrist_pitch"), (mismatch.Index, mismatch.Tick, mismatch.Joint, mismatch.JointName));
        Assert.Equal(8, result.Ticks);
        Assert.Contains("tick 7 (record 7 of /policy/tick, episode 0): raw_action[3] (wrist_pitch)", mismatch.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compares_another_policy_tick_by_tick()
    {
        var logged = TestPolicies.Write(_dir.File("policy.safetensors"), seed: 1);
        var other = TestPolicies.Write(_dir.File("other.safetensors"), seed: 2);
        PolicyLog.Write(_dir.File("run.mcap"), logged);

        using var policy = PolicyFile.Load(other);
        var result = PolicyReplay.Run(DeploymentLog.Read(_dir.File("run.mcap")), policy, identical: false);

        Assert.False(result.Identical);
        Assert.Equal(2 * PolicyLog.TicksPerEpisode, result.Actions.Count);
        Assert.Equal(6, result.Differences.Count);
        Assert.All(result.Differences, d => Assert.True(d.MaxAbsolute > 0 && d.MeanAbsolute <= d.MaxAbsolute && d.Rms <= d.MaxAbsolute, d.ToString()));
        var ticks = DeploymentLog.Read(_dir.File("run.mcap")).Ticks;
        Assert.Equal(ticks.Select(t => t.Message.RawAction), result.Actions.Select(a => a.Logged));
    }

    [Fact]
    public void Refuses_a_policy_of_another_robot_naming_both()
    {
        var policyPath = TestPolicies.Write(_dir.File("policy.safetensors"), seed: 1);
        PolicyLog.Write(_dir.File("run.mcap"), policyPath, robot: "quad12");

        using var policy = PolicyFile.Load(policyPath);
        var e = Assert.Throws<PolicyMismatchException>(() => PolicyReplay.Run(DeploymentLog.Read(_dir.File("run.mcap")), policy, identical: true));

        Assert.Contains("trained for robot 'arm6'", e.Message, StringComparison.Ordinal);
        Assert.Contains("recorded on robot 'quad12'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_log_without_policy_ticks_naming_the_file_and_topic()
    {
        SimulatedRun.Write(_dir.File("sim.mcap"), SimulatedRun.Nominal);
        var policyPath = TestPolicies.Write(_dir.File("policy.safetensors"), seed: 1);

        using var policy = PolicyFile.Load(policyPath);
        var e = Assert.Throws<InvalidConfigException>(() => PolicyReplay.Run(DeploymentLog.Read(_dir.File("sim.mcap")), policy, identical: true));

        Assert.StartsWith($"{_dir.File("sim.mcap")}: /policy/tick: no messages on this topic", e.Message, StringComparison.Ordinal);
        Assert.Contains("/joint_states", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_mcap_naming_the_file_and_offset()
    {
        File.WriteAllText(_dir.File("notes.mcap"), "this is not an MCAP file");

        var e = Assert.Throws<McapFormatException>(() => DeploymentLog.Read(_dir.File("notes.mcap")));

        Assert.Equal(_dir.File("notes.mcap"), e.File);
        Assert.Equal(0, e.Offset);
    }

    public void Dispose() => _dir.Dispose();
}
