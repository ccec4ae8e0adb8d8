namespace Sim2Real.Learning.DrQV2;

/// <summary>What one actor update reports.</summary>
public readonly record struct ActorMetrics(double ActorLoss);
