using Sim2Real.Core;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision;
using Sim2Real.SimRobot.Sensors;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>What the served arm's camera, target and score topics carry, checked against the simulator in this process.</summary>
[Collection(ServedArmCollection.Name)]
public sealed class ServedArmSensorTests : IDisposable
{
    private readonly ServedArm _arm;
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-serve-").FullName;

    public ServedArmSensorTests(ServedArm arm) => _arm = arm;

    private RobotClient Client => _arm.Client;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_camera_image_equals_sim_render_of_the_same_state_with_camera_info_for_its_intrinsics()
    {
        var (_, start) = await _arm.BeginAsync();
        var moved = _arm.Home;
        moved[0] = 0.7;
        var images = Client.Images["scene"];
        var from = images.Count;
        for (var t = 0; t < 6; t++)
        {
            await Client.StepAsync(moved);
        }

        var image = await images.WaitFor(i => RosConvert.Nanoseconds(i.Header.Stamp) > start + RobotClient.PeriodNs, from);
        var stamp = RosConvert.Nanoseconds(image.Header.Stamp);
        var state = await Client.JointStates.WaitFor(s => RobotClient.Stamp(s) == stamp);
        var target = Client.Target.Snapshot()[^1].Point;

        // The scene exactly as `sim render --robot arm6` loads it, posed as the served robot said it was.
        var scene = Path.Combine(_arm.Config.Directory, "scene.xml");
        using var model = MjModel.FromXmlFile(scene);
        using var data = model.CreateData();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = 84, Height = 84, Quality = RenderQuality.Fast });
        data.ResetToKeyframe("home");
        data.Forward();
        var home = Path.Combine(_dir, "home.png");
        File.WriteAllBytes(home, ImageCodec.Encode(renderer.Render(data, "scene"), ".png"));
        var (code, _, stderr) = await CliProcess.RunAsync("sim", "render", "--robot", "arm6", "--camera", "scene", "--size", "84", "--out", Path.Combine(_dir, "cli.png"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "cli.png")), File.ReadAllBytes(home));

        for (var i = 0; i < 6; i++)
        {
            data.qpos[model.jnt_qposadr[model.JointId(_arm.Config.Joints[i].Name)]] = state.Position[i];
        }

        var mocap = model.body_mocapid[model.BodyId("target")];
        (data.mocap_pos[3 * mocap], data.mocap_pos[(3 * mocap) + 1], data.mocap_pos[(3 * mocap) + 2]) = (target.X, target.Y, target.Z);
        data.Forward();
        Assert.Equal("rgb8", image.Encoding);
        Assert.Equal(renderer.Render(data, "scene").Pixels, image.Data);

        var info = await Client.CameraInfos["scene"].WaitFor(c => RosConvert.Nanoseconds(c.Header.Stamp) == stamp);
        var spec = _arm.Config.Camera("scene");
        Assert.Equal((84u, 84u), (info.Width, info.Height));
        Assert.Equal(spec.K, info.K);
        Assert.Equal(spec.P, info.P);
        Assert.Equal("scene_optical_frame", info.Header.FrameId);
        Assert.Equal(image.Header.FrameId, info.Header.FrameId);
    }

    [Fact]
    public async Task Each_episode_publishes_its_target_latched_and_scores_the_reach_on_task_metrics()
    {
        var (episode, _) = await _arm.BeginAsync();
        using var sim = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        sim.StartEpisode(EpisodeSeeds.World(ServedArm.Seed, episode));
        var expected = sim.Target!.Value;

        var target = await Client.Target.WaitFor(t => t.Point.X == expected.X && t.Point.Y == expected.Y && t.Point.Z == expected.Z);
        Assert.Equal("world", target.Header.FrameId);
        var metrics = Client.Metrics.Count;
        var goal = _arm.Home;
        goal[1] = 0.6;
        for (var t = 0; t < 3; t++)
        {
            sim.ControlStep(goal, [], []);
            await Client.StepAsync(goal);
        }

        var score = await Client.Metrics.WaitFor(m => m.Step == 3 && m.Episode == episode, metrics);
        Assert.Equal("reach", score.Task);
        Assert.Equal(["distance_m"], score.Names);
        Assert.Equal(sim.Evaluate([], []).Metrics["distance_m"], score.Values[0]);
        Assert.False(score.Done);
        Assert.False(score.Fallen);
    }

    [Fact]
    public async Task Topic_list_shows_every_topic_the_robot_serves_with_its_type()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("topic", "list", "-t", "--spin-time", "3");

        Assert.True(code == 0, stderr);
        var listed = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.NotEmpty(_arm.Robot.ServedTopics);
        foreach (var served in _arm.Robot.ServedTopics)
        {
            // `topic list` also names a topic's other types (a subscriber's); each served one must be there.
            var topic = served[..served.IndexOf(' ', StringComparison.Ordinal)];
            var type = served[(served.IndexOf('[', StringComparison.Ordinal) + 1)..^1];
            Assert.Contains(listed, l => l.StartsWith(topic + " [", StringComparison.Ordinal) && l.Contains(type, StringComparison.Ordinal));
        }
    }
}
