namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// Runs inferences off the control path, one at a time. The loop never starts one while another is running: a
/// tick that finds the runner busy is skipped, never queued.
/// </summary>
public interface IInferenceRunner : IDisposable
{
    /// <summary>Starts <paramref name="request"/>; <paramref name="completed"/> is invoked on the loop's scheduler.</summary>
    void Start(InferenceRequest request, Action<InferenceResult> completed);
}
