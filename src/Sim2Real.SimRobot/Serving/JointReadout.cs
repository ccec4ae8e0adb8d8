using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Randomization;
using Sim2Real.SimRobot.Faults;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// The joint readings /joint_states carries: the encoders as the world makes them (its noise and bias), then the
/// faults: sensor noise adds a fresh Gaussian draw to every position of every message, a freeze keeps the last
/// values (stamps stay fresh), so the two can be told apart from outside: noisy values change, frozen ones never do.
/// </summary>
internal sealed class JointReadout
{
    private readonly RobotSimulation _sim;
    private readonly string[] _names;
    private readonly double[] _position;
    private readonly double[] _velocity;
    private readonly double[] _effort;
    private readonly Random _faultNoise;

    public JointReadout(RobotSimulation sim, Random faultNoise)
    {
        _sim = sim;
        _names = [.. sim.Robot.Spec.JointNames];
        _position = new double[sim.JointCount];
        _velocity = new double[sim.JointCount];
        _effort = new double[sim.JointCount];
        _faultNoise = faultNoise;
    }

    /// <summary>The positions last read (spec order), what /tf is computed from.</summary>
    public ReadOnlySpan<double> Positions => _position;

    /// <summary>Reads the joints now unless a freeze holds the last readings; <paramref name="sensorNoise"/> draws the world's noise.</summary>
    public void Read(FaultBoard faults, Random sensorNoise)
    {
        if (faults.IsActive(FaultKind.FreezeJointStates))
        {
            return;
        }

        _sim.ReadJoints(_position, _velocity, sensorNoise);
        _sim.ReadEfforts(_effort);
        if (faults.Active(FaultKind.SensorNoise) is { Magnitude: > 0 } noise)
        {
            for (var i = 0; i < _position.Length; i++)
            {
                _position[i] += noise.Magnitude * Gaussian.Sample(_faultNoise);
            }
        }
    }

    public JointState Message(Time stamp) => new()
    {
        Header = new Header { Stamp = stamp },
        Name = _names,
        Position = [.. _position],
        Velocity = [.. _velocity],
        Effort = [.. _effort],
    };
}
