using System.Security.Cryptography;
using Sim2Real.Mcap.Deployment;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Replay.Tests;

/// <summary>
/// Writes a log in the layout the runtime records (issue 15 item 3) through Sim2Real.Mcap: the deployment metadata,
/// then /joint_states, /forward_position_controller/commands, /policy/tick and /watchdog/events as ros2-profile
/// channels. Tests build logs with it as deploy would.
/// </summary>
internal sealed class DeploymentLogWriter : IDisposable
{
    private readonly McapWriter _writer;
    private readonly Dictionary<string, ushort> _channels = [];

    public DeploymentLogWriter(string path, string robot, string? policy = null, string? world = null, string task = "reach")
    {
        _writer = McapWriter.Create(path);
        var values = new Dictionary<string, string>
        {
            [DeploymentLogMetadata.Robot] = robot,
            [DeploymentLogMetadata.Task] = task,
            [DeploymentLogMetadata.Host] = "test-host",
        };
        if (policy is not null)
        {
            values[DeploymentLogMetadata.Policy] = policy;
            values[DeploymentLogMetadata.PolicySha256] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(policy)));
        }

        if (world is not null)
        {
            values[DeploymentLogMetadata.World] = world;
        }

        _writer.WriteMetadata(new McapMetadata(DeploymentLogMetadata.Name, values));
    }

    public McapWriter Mcap => _writer;

    public void JointState(ulong logTime, IReadOnlyList<string> names, double[] position, double[] velocity) =>
        Write("/joint_states", logTime, new JointState
        {
            Header = new Header { Stamp = LogTime.Stamp(logTime) },
            Name = [.. names],
            Position = position,
            Velocity = velocity,
            Effort = new double[position.Length],
        });

    public void Command(ulong logTime, double[] targets) =>
        Write("/forward_position_controller/commands", logTime, new Float64MultiArray { Data = targets });

    public void Tick(ulong logTime, PolicyTick tick) => Write("/policy/tick", logTime, tick with { Header = new Header { Stamp = LogTime.Stamp(logTime) } });

    public void Odometry(ulong logTime, Odometry odometry) => Write("/odom", logTime, odometry);

    public void Write<T>(string topic, ulong logTime, T message)
        where T : IRosMessage<T>
    {
        if (!_channels.TryGetValue(topic, out var channel))
        {
            channel = _writer.AddRos2Channel(topic, RosMessageTypes.Get(T.TypeName), [QosProfile.Default]);
            _channels[topic] = channel;
        }

        _writer.WriteRos2(channel, message, logTime, logTime);
    }

    public void Dispose() => _writer.Dispose();
}
