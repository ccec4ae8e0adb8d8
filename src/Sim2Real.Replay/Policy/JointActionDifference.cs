namespace Sim2Real.Replay.Policy;

/// <summary>How far another policy's actions are from the logged ones on one joint, over every tick.</summary>
public sealed record JointActionDifference(string Joint, double MeanAbsolute, double MaxAbsolute, double Rms);
