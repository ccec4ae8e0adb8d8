using Sim2Real.Core;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Sim.Tests.Worlds;

/// <summary>Worlds are defined once in robot.yaml: how they are named, resolved, checked and refused.</summary>
public sealed class WorldConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("s2r-worlds-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_robot_without_a_real_like_world_is_refused_naming_the_robot_and_the_world()
    {
        var robots = CopyArm(worlds: "");

        var error = Assert.Throws<InvalidConfigException>(() =>
            RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", World = "real-like", RobotsRoot = robots }));

        Assert.Contains("robot 'arm6'", error.Message, StringComparison.Ordinal);
        Assert.Contains("real_like", error.Message, StringComparison.Ordinal);
        Assert.Contains("robot.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_world_is_refused_listing_the_robots_worlds()
    {
        var error = Assert.Throws<InvalidConfigException>(() =>
            RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", World = "moon" }));

        Assert.Contains("no world 'moon'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nominal, randomized, real_like", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Randomize_is_the_randomized_world_and_nothing_else_is_nominal()
    {
        Assert.Equal(WorldNames.Randomized, new EnvironmentOptions { Randomize = true }.WorldName);
        Assert.Equal(WorldNames.Nominal, new EnvironmentOptions().WorldName);
        Assert.Equal(WorldNames.RealLike, new EnvironmentOptions { World = "Real-Like" }.WorldName);
        var error = Assert.Throws<InvalidConfigException>(() => new EnvironmentOptions { World = "real_like", Randomize = true }.Validate());
        Assert.Contains("world", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void The_randomized_world_samples_the_same_factors_as_randomize()
    {
        using var a = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", Randomize = true });
        using var b = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", World = "randomized" });

        Assert.Equal(a.Reset(4).Observation.Privileged!, b.Reset(4).Observation.Privileged!);
    }

    [Fact]
    public void A_world_may_perturb_the_training_ranges_it_samples()
    {
        var robots = CopyArm(worlds: """
            worlds:
              slippery:
                description: training ranges on a slippery floor
                randomize: true
                perturbation: { friction_scale: 0.5 }
            """);
        var options = new EnvironmentOptions { Robot = "arm6", Task = "reach", RobotsRoot = robots };
        using var randomized = RobotEnvironments.Create(options with { World = "randomized" });
        using var slippery = RobotEnvironments.Create(options with { World = "slippery" });

        var sampled = randomized.Reset(9).Info.Factors;
        var perturbed = slippery.Reset(9).Info.Factors;

        Assert.Equal(sampled.FrictionScale * 0.5, perturbed.FrictionScale, 12);
        Assert.Equal(sampled.MassScales, perturbed.MassScales);
    }

    [Fact]
    public void A_world_may_carry_ranges_of_its_own_for_the_training_bodies()
    {
        var robots = CopyArm(worlds: """
            worlds:
              heavy:
                ranges: { physics: { mass_scale: [1.5, 2.0] } }
            """);
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", World = "heavy", RobotsRoot = robots });

        var factors = env.Reset(2).Info.Factors;

        Assert.Equal(RobotCatalog.Discover().Load("arm6").Randomization.Physics.Bodies, factors.Bodies);
        Assert.All(factors.MassScales, m => Assert.InRange(m, 1.5, 2.0));
    }

    [Theory]
    [InlineData("  real_like:\n    perturbation: { extra_latency_s: 0.03 }\n", "worlds.real_like.perturbation.extra_latency_s")]
    [InlineData("  real_like:\n    perturbation: { joint_position_bias_rad: [0.1, 0.2] }\n", "worlds.real_like.perturbation.joint_position_bias_rad")]
    [InlineData("  real_like:\n    perturbation: { camera_shift_m: [0.1] }\n", "worlds.real_like.perturbation.camera_shift_m")]
    [InlineData("  real_like:\n    perturbation: { frictoin_scale: 0.5 }\n", "line")]
    [InlineData("  nominal:\n    perturbation: { mass_scale: 2 }\n", "worlds.nominal")]
    [InlineData("  real_like:\n    randomize: true\n    ranges: { physics: { mass_scale: [1, 2] } }\n", "worlds.real_like.ranges")]
    [InlineData("  real_like:\n    ranges: { physics: { bodies: [hand] } }\n", "worlds.real_like.ranges.physics.bodies")]
    public void A_bad_world_is_refused_naming_its_field(string world, string field)
    {
        var robots = CopyArm(worlds: "worlds:\n" + world);

        var error = Assert.Throws<InvalidConfigException>(() => new RobotCatalog(robots).Load("arm6"));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    /// <summary>robots/arm6 copied with its worlds section replaced by <paramref name="worlds"/>.</summary>
    private string CopyArm(string worlds)
    {
        var source = Path.Combine(RobotCatalog.Discover().Root, "arm6");
        var target = Path.Combine(_root, "robots", "arm6");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var yaml = File.ReadAllText(Path.Combine(source, RobotConfig.FileName));
        var cut = yaml.IndexOf("\nworlds:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(target, RobotConfig.FileName), yaml[..(cut + 1)] + worlds);
        return Path.Combine(_root, "robots");
    }
}
