namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// One policy tick's input, taken at the tick's start: the state vector, the newest camera frame (raw: the frame
/// pipeline runs on the policy thread), and whether the policy's history restarts (arming, a new episode).
/// </summary>
public sealed record InferenceRequest(long Tick, float[] State, Core.Imaging.Image? Frame, bool Restart);
