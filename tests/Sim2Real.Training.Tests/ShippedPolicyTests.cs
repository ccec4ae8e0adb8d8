using Sim2Real.Core;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;

namespace Sim2Real.Training.Tests;

/// <summary>The policy under policies/ is the one users deploy first: it must still fit the robot it names.</summary>
public sealed class ShippedPolicyTests
{
    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static string Arm6Reach => Path.Combine(Repository(), "policies", "arm6-reach-state", PolicyFile.FileName);

    [Fact]
    public void The_shipped_arm6_reach_policy_matches_arm6s_spec_and_the_environments_layout()
    {
        var manifest = PolicyFile.ReadManifest(Arm6Reach);
        var robot = RobotSpecFile.Load(Path.Combine(Repository(), "robots", "arm6", "robot.yaml"));

        _ = PolicyCompatibility.Check(manifest, robot, Arm6Reach);
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true });
        PolicyCompatibility.CheckLayout(manifest, env.Layout, Arm6Reach, "arm6 reach");
        Assert.Null(manifest.Observation.Camera);
        Assert.True(manifest.Training!.EvalSuccess >= 0.9, $"shipped with {manifest.Training.EvalSuccess:P0} held-out success");
    }

    [Fact]
    public void The_shipped_arm6_reach_policy_reaches_targets_on_held_out_randomized_worlds()
    {
        using var policy = PolicyFile.Load(Arm6Reach);
        var played = EpisodePlayer.Play(
            new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true },
            new PlayOptions { Episodes = 20, Seed = EpisodeSeeds.HeldOut(2) },
            sink: null,
            PolicyPlayback.Drive(policy.Policy, frames: null));

        // 91% over 100 randomized episodes when shipped (policies/arm6-reach-state/README.md); these 20 are a fixed
        // draw, so the bound only catches a policy or environment change that breaks it, not chance.
        Assert.True(played.Count(e => e.Success) >= 16, $"{played.Count(e => e.Success)} of 20 held-out episodes reached the target");
    }
}
