namespace Sim2Real.Learning.DrQV2;

/// <summary>What one critic update reports (the reference's critic_* metrics).</summary>
public readonly record struct CriticMetrics(double CriticLoss, double TargetQ, double Q1, double Q2);
