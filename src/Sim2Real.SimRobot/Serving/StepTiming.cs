namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// How the real-time physics steps kept time, in ms: period jitter (|time between two steps - the step|, what the
/// joint-state stamps show) and lateness behind the wall-clock schedule (what a stall leaves behind until caught up).
/// </summary>
public sealed record StepTiming(double JitterP50Ms, double JitterP99Ms, double LatenessP50Ms, double LatenessP99Ms, double LatenessMaxMs);
