namespace Sim2Real.SimRobot;

/// <summary>How the served robot's time advances.</summary>
public enum ClockMode
{
    /// <summary>Real time: one physics step per timestep of the wall clock; stamps are wall-clock ROS time.</summary>
    Wall,

    /// <summary>
    /// Lockstep: one control period per command received, or per timeout with the held command; /clock carries the
    /// simulated time and every stamp is on it, so the same seed and commands give the same trajectory.
    /// </summary>
    Sim,
}
