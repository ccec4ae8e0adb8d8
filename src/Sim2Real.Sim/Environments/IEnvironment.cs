namespace Sim2Real.Sim.Environments;

/// <summary>
/// A reinforcement-learning environment in the spirit of dm_control: Reset(seed) starts an episode, Step(action)
/// advances it by ActionRepeat control steps. Actions are normalized to [-1, 1] per actuator and scaled by the
/// robot config; non-finite actions are refused. Stepping after a Last step starts the next episode, seeded
/// deterministically from the last Reset seed.
/// </summary>
public interface IEnvironment : IDisposable
{
    /// <summary>Specs of the observation arrays, in the order they are listed in <see cref="Observation"/>.</summary>
    IReadOnlyList<ArraySpec> ObservationSpec { get; }

    /// <summary>float32[number of actuators] in [-1, 1].</summary>
    ArraySpec ActionSpec { get; }

    TimeStep Reset(int seed);

    /// <exception cref="NonFiniteActionException">An element is NaN or infinite; the simulation is untouched.</exception>
    /// <exception cref="ArgumentException">The action has the wrong length.</exception>
    TimeStep Step(ReadOnlySpan<float> action);
}
