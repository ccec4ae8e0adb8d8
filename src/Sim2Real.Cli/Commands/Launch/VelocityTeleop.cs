using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Launch;

/// <summary>The launch file's constant velocity command, held latched on its topic for as long as the launch runs.</summary>
internal sealed class VelocityTeleop(RosNode node, RosPublisher<Twist> publisher) : IDisposable
{
    public void Dispose()
    {
        publisher.Dispose();
        node.Dispose();
    }
}
