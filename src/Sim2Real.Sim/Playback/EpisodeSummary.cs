namespace Sim2Real.Sim.Playback;

/// <summary>One played episode: its length, return, how it ended, its sampled factors and the task's final metrics.</summary>
public sealed record EpisodeSummary(int Episode, int AgentSteps, double Return, bool Success, bool Terminated, string Factors, IReadOnlyDictionary<string, double> FinalMetrics);
