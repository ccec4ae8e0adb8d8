namespace Sim2Real.SimRobot.Faults;

/// <summary>A fault starting or ending at <see cref="TimeS"/> (robot clock), announced on /diagnostics.</summary>
public sealed record FaultTransition(FaultSpec Fault, bool Started, double TimeS);
