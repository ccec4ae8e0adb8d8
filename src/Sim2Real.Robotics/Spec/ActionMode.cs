namespace Sim2Real.Robotics.Spec;

/// <summary>How a normalized action in [-1, 1] becomes a joint position target.</summary>
public enum ActionMode
{
    /// <summary>target = home + action * action_scale_rad (legged_gym's convention).</summary>
    PositionOffset,

    /// <summary>target = previous target + action * action_scale_rad; small steps, smooth motion.</summary>
    PositionDelta,
}
