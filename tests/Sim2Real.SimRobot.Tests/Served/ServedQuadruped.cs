using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.Tf2Msgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>
/// quad12 walking, served in lockstep with a short wait (20 ms) so its clock runs on the held command when the
/// client is silent, with a push scheduled from the command line at t = 1 s.
/// </summary>
public sealed class ServedQuadruped : IAsyncLifetime
{
    internal ServedRobot Robot { get; private set; } = null!;

    internal RobotClient Client { get; private set; } = null!;

    internal Recorder<Odometry> Odometry { get; } = new();

    internal Recorder<Imu> Imu { get; } = new();

    internal Recorder<FootContacts> Contacts { get; } = new();

    internal Recorder<TFMessage> Tf { get; } = new();

    internal RosPublisher<Twist> CmdVel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Robot = await ServedRobot.StartAsync("--robot", "quad12", "--clock", "sim", "--sim-timeout-ms", "20", "--no-cameras", "--seed", "2",
            "--fault", "push,at=1,duration=0.2,magnitude=60,direction=0:1:0",
            "--ros-args", "-r", "__ns:=/quad", "-r", "/clock:=/quad/clock", "-r", "/tf:=/quad/tf");
        Client = await RobotClient.ConnectAsync("/quad");
        Client.Record("/quad/odom", Odometry, QosProfile.Default);
        Client.Record("/quad/imu", Imu, QosProfile.SensorData);
        Client.Record("/quad/foot_contacts", Contacts, QosProfile.Default);
        Client.Record("/quad/tf", Tf, QosProfile.Default.WithDepth(100));
        CmdVel = Client.Publisher<Twist>("/quad/cmd_vel");
        await CmdVel.WaitForSubscribersAsync().WaitAsync(Recorder<int>.Patience);
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        Robot?.Dispose();
        return Task.CompletedTask;
    }
}
