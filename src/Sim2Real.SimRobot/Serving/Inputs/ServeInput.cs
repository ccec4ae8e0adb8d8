namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>
/// A message the robot received, queued for the simulation thread so that every input takes effect between physics
/// steps, in arrival order. Commands (<see cref="IsCommand"/>) also pace the clock in lockstep mode.
/// </summary>
internal abstract record ServeInput
{
    /// <summary>Whether the input is a joint command (forward or trajectory).</summary>
    public virtual bool IsCommand => false;
}
