using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// A reinforcement-learning environment in the spirit of dm_control: Reset(seed) starts an episode, Step(action)
/// advances it by ActionRepeat control steps. Actions are normalized to [-1, 1] per actuator and mapped to joint
/// targets by the shared action mapping; non-finite actions are refused. Stepping after a Last step starts the next
/// episode, the world <c>EpisodeSeeds.World(seed, k)</c> of the last Reset seed.
/// </summary>
public interface IEnvironment : IDisposable
{
    /// <summary>Specs of the observation arrays: the state vector, the privileged factors, and the raw camera frame when enabled.</summary>
    IReadOnlyList<ArraySpec> ObservationSpec { get; }

    /// <summary>float32[number of actuators] in [-1, 1].</summary>
    ArraySpec ActionSpec { get; }

    /// <summary>The declared layout of the state vector.</summary>
    ObservationLayout Layout { get; }

    /// <summary>The robot, with its deployable spec.</summary>
    RobotConfig Robot { get; }

    /// <summary>The camera that renders <see cref="TimeStep.Frame"/>, or null without one.</summary>
    string? Camera { get; }

    /// <summary>Names of the privileged factors, in observation order.</summary>
    IReadOnlyList<string> FactorNames { get; }

    TimeStep Reset(int seed);

    /// <exception cref="Robotics.Actions.NonFiniteActionException">An element is NaN or infinite; the simulation is untouched.</exception>
    /// <exception cref="ArgumentException">The action has the wrong length.</exception>
    TimeStep Step(ReadOnlySpan<float> action);
}
