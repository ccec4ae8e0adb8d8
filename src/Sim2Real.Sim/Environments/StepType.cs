namespace Sim2Real.Sim.Environments;

/// <summary>Where a time step sits in its episode (dm_env's StepType).</summary>
public enum StepType
{
    /// <summary>Returned by Reset: no reward yet.</summary>
    First,

    Mid,

    /// <summary>The episode ended: terminated (the task says so) or truncated (time limit).</summary>
    Last,
}
