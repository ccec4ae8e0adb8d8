namespace Sim2Real.Robotics.Observations;

/// <summary>
/// When a field's value is taken relative to the action it produces. Training reads the simulator at exactly these
/// moments; the runtime reproduces them (and records each input's age at the tick).
/// </summary>
public enum SampleTiming
{
    /// <summary>The newest sensor sample at the start of the policy tick, after the previous control step ran.</summary>
    LatestAtTick,

    /// <summary>The action commanded at the previous policy tick, before any actuation latency.</summary>
    PreviousCommand,

    /// <summary>The latest task command (target, velocity command) received before the tick.</summary>
    LatestTaskCommand,
}
