namespace Sim2Real.Training;

/// <summary>What the agent sees: stacked camera frames, or the proprioceptive and task state.</summary>
public enum ObservationKind
{
    State,
    Pixels,
}
