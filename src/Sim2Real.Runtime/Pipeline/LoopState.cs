namespace Sim2Real.Runtime.Pipeline;

/// <summary>Where the policy loop is in its life.</summary>
public enum LoopState
{
    /// <summary>Waiting for the first sample of every input and checking each against the policy; commands nothing.</summary>
    Starting,

    /// <summary>Commanding every control period (the policy's targets, the ramp, or the safe action).</summary>
    Running,

    /// <summary>Start-up refused the robot (a mismatch or a missing input); nothing was ever commanded.</summary>
    Refused,

    Stopped,
}
