namespace Sim2Real.Runtime.Episodes;

/// <summary>One simulated episode as the simulator scored it (its last /task/metrics), and what the runtime did meanwhile.</summary>
public sealed record EpisodeResult(uint Episode, bool Success, bool Fallen, uint Steps, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Trips);
