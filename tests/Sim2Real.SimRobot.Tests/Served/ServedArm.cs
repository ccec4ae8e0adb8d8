using Sim2Real.Core;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Robots;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>
/// arm6 reaching, served in lockstep in a child process with a wait for commands long enough that the tests alone
/// move its clock; shared by the tests of the "served arm" collection, which run one after another.
/// </summary>
public sealed class ServedArm : IAsyncLifetime
{
    public const int Seed = 3;

    /// <summary>Its own namespace (and /clock remapped into it), apart from the robots other test classes serve at the same time.</summary>
    public const string Namespace = "/arm";

    internal ServedRobot Robot { get; private set; } = null!;

    internal RobotClient Client { get; private set; } = null!;

    internal RobotConfig Config { get; } = RobotCatalog.Discover().Load("arm6");

    internal double[] Home => Config.Spec.Home();

    public async Task InitializeAsync()
    {
        Robot = await ServedRobot.StartAsync("--robot", "arm6", "--task", "reach", "--clock", "sim", "--seed", $"{Seed}",
            "--sim-timeout-ms", "600000", "--camera", "scene", "--camera-rate", "25",
            "--ros-args", "-r", "__ns:=" + Namespace, "-r", $"/clock:={Namespace}/clock");
        Client = await RobotClient.ConnectAsync(Namespace, "scene");
        Client.Record(Namespace + "/target", Client.Target, QosProfile.Latched);
        Client.Record(Namespace + "/clock", Client.Clock, QosProfile.SensorData.WithDepth(1));
    }

    /// <summary>
    /// A clean start for one test: faults cleared, robot.yaml's gains, a fresh episode. Returns the episode number
    /// and the robot time it starts at.
    /// </summary>
    internal async Task<(int Episode, long StartNs)> BeginAsync()
    {
        Client.Faults.Publish(new FaultCommand { Kind = FaultCommand.CLEAR });
        Client.Gains.Publish(new Float64MultiArray { Data = [.. Config.Joints.Select(j => j.KpNmPerRad), .. Config.Joints.Select(j => j.KdNmSPerRad)] });
        return await Client.ResetAsync();
    }

    /// <summary>The same episode in this process: what the served arm must match step for step.</summary>
    internal static RobotSimulation Simulate(int episode)
    {
        var sim = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        sim.StartEpisode(EpisodeSeeds.World(Seed, episode));
        return sim;
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        Robot?.Dispose();
        return Task.CompletedTask;
    }
}
