namespace Sim2Real.Sim.Playback;

/// <summary>One played episode: its length, return, how it ended, and its sampled factors.</summary>
public sealed record EpisodeSummary(int Episode, int AgentSteps, double Return, bool Success, bool Terminated, string Factors);
