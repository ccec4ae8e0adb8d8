namespace Sim2Real.Sim.Tasks;

/// <summary>The control step's normalized action and the previous one, for smoothness penalties.</summary>
internal readonly ref struct StepContext
{
    public StepContext(ReadOnlySpan<float> action, ReadOnlySpan<float> previousAction)
    {
        Action = action;
        PreviousAction = previousAction;
    }

    public ReadOnlySpan<float> Action { get; }

    public ReadOnlySpan<float> PreviousAction { get; }
}
