using Sim2Real.Core;
using Sim2Real.Sim.Robots;
using Sim2Real.SimRobot.Faults;
using Sim2Real.SimRobot.Serving;

namespace Sim2Real.SimRobot.Tests;

/// <summary>What `sim serve` refuses, each with one line naming the robot, world, camera, flag or field.</summary>
public sealed class ServeBadInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("s2r-serve-bad-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("hexapod", null, null, "unknown robot 'hexapod'")]
    [InlineData("arm6", "moon", null, "robot 'arm6' has no world 'moon'; it has: nominal, randomized, real_like")]
    [InlineData("arm6", null, "ceiling", "robot 'arm6' has no camera 'ceiling'; it has: scene, wrist")]
    public void An_unknown_robot_world_or_camera_is_refused_naming_it(string robot, string? world, string? camera, string expected)
    {
        var options = new SimServeOptions { Robot = robot, World = world ?? "nominal", Cameras = camera is null ? null : [camera] };

        var error = Assert.Throws<InvalidConfigException>(() => SimRobotServer.Create(options, ServeTestEnvironment.Options(), TextWriter.Null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_without_a_real_like_world_is_refused_naming_the_robot_and_the_world()
    {
        var robots = Path.Combine(_root, "robots");
        var source = Path.Combine(RobotCatalog.Discover().Root, "arm6");
        Directory.CreateDirectory(Path.Combine(robots, "arm6"));
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(robots, "arm6", Path.GetFileName(file)));
        }

        var yaml = Path.Combine(robots, "arm6", RobotConfig.FileName);
        var text = File.ReadAllText(yaml);
        File.WriteAllText(yaml, text[..text.IndexOf("\nworlds:", StringComparison.Ordinal)] + "\n");
        var options = new SimServeOptions { Robot = "arm6", World = "real-like", RobotsRoot = robots };

        var error = Assert.Throws<InvalidConfigException>(() => SimRobotServer.Create(options, ServeTestEnvironment.Options(), TextWriter.Null));

        Assert.Contains("robot 'arm6' defines no real_like world", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "--rate: must be a positive rate in Hz, got 0")]
    [InlineData(1000, "--rate: 1000 Hz is beyond what the physics step allows: 500 Hz (2 ms steps)")]
    [InlineData(300, "--rate: 300 Hz does not divide the physics rate of 500 Hz (2 ms steps); rates that do: 1, 2, 4, 5, 10, 20, 25, 50, 100, 125, 250, 500 Hz")]
    public void A_joint_state_rate_the_physics_step_does_not_allow_is_refused(double rate, string expected)
    {
        var options = new SimServeOptions { Robot = "arm6", JointStateRateHz = rate };

        var error = Assert.Throws<InvalidConfigException>(() => SimRobotServer.Create(options, ServeTestEnvironment.Options(), TextWriter.Null));

        Assert.Equal($"sim serve: {expected}", error.Message);
    }

    [Theory]
    [InlineData("wobble", "'wobble' is not a fault")]
    [InlineData("push,magnitude=lots", "magnitude='lots' is not a number")]
    [InlineData("push,magnitude=20", "a push needs a direction")]
    [InlineData("command_latency,magnitude=-1", "magnitude: must be a finite number in [0, 10], got -1")]
    [InlineData("sensor_noise,at=1,speed=3", "unknown key 'speed'")]
    [InlineData("clear", "'clear' is not a fault")]
    public void A_fault_that_does_not_parse_is_refused_naming_what(string text, string expected)
    {
        var error = Assert.Throws<InvalidConfigException>(() => FaultSpec.Parse(text));

        Assert.Contains("--fault", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--world", "moon")]
    [InlineData("--fault", "wobble")]
    [InlineData("--ros-args", "-p")]
    public async Task The_command_line_says_what_is_wrong_in_one_line_and_exits_1(string flag, string value)
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("sim", "serve", "--robot", "arm6", flag, value);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sim2real sim serve: error: ", line, StringComparison.Ordinal);
        Assert.Contains(flag == "--ros-args" ? "-p" : value, line, StringComparison.Ordinal);
    }
}
