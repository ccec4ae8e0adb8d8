namespace Sim2Real.Training.Collection;

/// <summary>
/// Steps the training environment for the learner: <see cref="Begin"/> hands over the action, <see cref="End"/>
/// returns the step. The learner may update in between. A step needs only the environment and the action, and the
/// update samples the replay before the step's transition is added, so the two are independent and running them at
/// once changes nothing: the same transitions, random draws and weights as one after the other, bit for bit, which
/// keeps exact resume. The learner and the collector meet only here, which is the shape a collector in another
/// process or on another machine will take.
/// </summary>
public interface IStepCollector : IDisposable
{
    /// <summary>Starts the step with <paramref name="action"/>, which must stay unchanged until <see cref="End"/>.</summary>
    void Begin(float[] action);

    /// <summary>Waits for the step begun last and returns it; rethrows what the step threw.</summary>
    CollectedStep End();
}
