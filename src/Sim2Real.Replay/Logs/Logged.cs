namespace Sim2Real.Replay.Logs;

/// <summary>A message from a log with its log time (ns, the recorder's receive time) and its place in the log (0-based, per topic).</summary>
public sealed record Logged<T>(ulong LogTime, int Index, T Message);
