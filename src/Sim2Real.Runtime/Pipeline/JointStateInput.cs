using System.Globalization;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Messages.SensorMsgs;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// The newest joint_states in robot.yaml's joint order, matched by name (a joint_state_broadcaster need not publish
/// in the controller's order), with the time it arrived, and how many samples in a row carried bit-identical
/// positions (the frozen-sensor rule). Every sample is checked before it replaces the last good one.
/// </summary>
internal sealed class JointStateInput
{
    private readonly RobotSpec _robot;
    private readonly string _topic;
    private readonly bool _needsVelocity;
    private readonly double[] _positions;
    private readonly double[] _velocities;
    private readonly double[] _scratch;
    private readonly double[] _scratchVelocity;
    private string[] _names = [];
    private int[] _map = [];

    public JointStateInput(RobotSpec robot, string topic, bool needsVelocity)
    {
        _robot = robot;
        _topic = topic;
        _needsVelocity = needsVelocity;
        _positions = new double[robot.Joints.Count];
        _velocities = new double[robot.Joints.Count];
        _scratch = new double[robot.Joints.Count];
        _scratchVelocity = new double[robot.Joints.Count];
    }

    public bool HasSample { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    /// <summary>rad, robot.yaml order: the last good sample.</summary>
    public ReadOnlySpan<double> Positions => _positions;

    /// <summary>rad/s; zeros when the robot does not report velocities.</summary>
    public ReadOnlySpan<double> Velocities => _velocities;

    public bool HasVelocities { get; private set; }

    /// <summary>Samples in a row, this one included, whose positions equal the previous sample's bit for bit.</summary>
    public int IdenticalRun { get; private set; }

    /// <summary>Counts every sample taken, for statistics.</summary>
    public long Count { get; private set; }

    /// <summary>Checks <paramref name="message"/> and makes it the newest sample.</summary>
    /// <exception cref="RuntimeInputException">Unknown, missing or repeated joints, arrays of the wrong length, or a non-finite value.</exception>
    public void Accept(JointState message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Name.AsSpan().SequenceEqual(_names))
        {
            try
            {
                _map = JointMatching.Map(_robot.JointNames, message.Name, $"robot '{_robot.Name}'", _topic);
            }
            catch (PolicyMismatchException e)
            {
                throw new RuntimeInputException(_topic, e.Message, e);
            }

            _names = [.. message.Name];
        }

        var n = message.Name.Length;
        if (message.Position.Length != n)
        {
            throw new RuntimeInputException(_topic, $"{n} joint names but {message.Position.Length} positions");
        }

        var hasVelocity = message.Velocity.Length == n;
        if (message.Velocity.Length != 0 && !hasVelocity)
        {
            throw new RuntimeInputException(_topic, $"{n} joint names but {message.Velocity.Length} velocities");
        }

        if (_needsVelocity && !hasVelocity)
        {
            throw new RuntimeInputException(_topic, "the policy observes joint velocities but the message carries none");
        }

        for (var i = 0; i < _map.Length; i++)
        {
            var position = message.Position[_map[i]];
            var velocity = hasVelocity ? message.Velocity[_map[i]] : 0;
            if (!double.IsFinite(position) || !double.IsFinite(velocity))
            {
                throw new RuntimeInputException(_topic, string.Create(CultureInfo.InvariantCulture,
                    $"joint '{_robot.Joints[i].Name}' reads position {position}, velocity {velocity}; readings must be finite"));
            }

            _scratch[i] = position;
            _scratchVelocity[i] = velocity;
        }

        IdenticalRun = HasSample && _scratch.AsSpan().SequenceEqual(_positions) ? IdenticalRun + 1 : 1;
        _scratch.CopyTo(_positions, 0);
        _scratchVelocity.CopyTo(_velocities, 0);
        HasVelocities = hasVelocity;
        HasSample = true;
        ArrivedAt = now;
        Count++;
    }
}
