namespace Sim2Real.Sim.Playback;

/// <summary>What drives the robot in <c>sim play</c>.</summary>
public enum PlayPolicy
{
    /// <summary>Uniform random actions in [-1, 1], seeded.</summary>
    Random,

    /// <summary>Action 0: hold the home pose (position-offset robots).</summary>
    Zero,
}
