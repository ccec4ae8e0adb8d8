using Sim2Real.Core;

namespace Sim2Real.Sim.Robots;

/// <summary>Control rate and action mapping.</summary>
public sealed class ControlConfig
{
    /// <summary>Physics steps per control step: the control period is this times the MJCF timestep.</summary>
    public int PhysicsStepsPerControl { get; init; } = 10;

    public ActionMode ActionMode { get; init; } = ActionMode.PositionOffset;

    internal void Validate(string source)
    {
        if (PhysicsStepsPerControl is < 1 or > 1000)
        {
            throw new InvalidConfigException(source, "control.physics_steps_per_control", $"must be 1..1000, got {PhysicsStepsPerControl}");
        }
    }
}
