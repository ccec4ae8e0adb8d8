namespace Sim2Real.Learning.DrQV2;

/// <summary>What one full update (critic, actor, target EMA) reports.</summary>
public readonly record struct UpdateMetrics(double BatchReward, CriticMetrics Critic, ActorMetrics Actor);
