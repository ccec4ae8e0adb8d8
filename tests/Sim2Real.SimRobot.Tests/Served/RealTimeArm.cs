namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>arm6 served in real time (the default clock) in a child process, without cameras.</summary>
public sealed class RealTimeArm : IAsyncLifetime
{
    internal ServedRobot Robot { get; private set; } = null!;

    internal RobotClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Robot = await ServedRobot.StartAsync("--robot", "arm6", "--no-cameras", "--seed", "5", "--ros-args", "-r", "__ns:=/rt_arm");
        Client = await RobotClient.ConnectAsync("/rt_arm");
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        Robot?.Dispose();
        return Task.CompletedTask;
    }
}
