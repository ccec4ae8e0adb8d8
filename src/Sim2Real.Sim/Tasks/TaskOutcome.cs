namespace Sim2Real.Sim.Tasks;

/// <summary>One control step's reward, whether the task ended the episode, and whether it succeeded.</summary>
public readonly record struct TaskOutcome(double Reward, bool Terminated, bool Success, IReadOnlyDictionary<string, double> Metrics);
