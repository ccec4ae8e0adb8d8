namespace Sim2Real.Training.Collection;

/// <summary>Steps on the learner's thread, at <see cref="End"/>: after the update, as the reference's loop does.</summary>
public sealed class InlineStepCollector : IStepCollector
{
    private readonly Func<float[], CollectedStep> _step;
    private float[]? _action;

    public InlineStepCollector(Func<float[], CollectedStep> step)
    {
        _step = step;
    }

    public void Begin(float[] action)
    {
        if (_action is not null)
        {
            throw new InvalidOperationException("Begin called twice without End");
        }

        _action = action;
    }

    public CollectedStep End()
    {
        var action = _action ?? throw new InvalidOperationException("End called without Begin");
        _action = null;
        return _step(action);
    }

    public void Dispose()
    {
    }
}
