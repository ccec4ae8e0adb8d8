namespace Sim2Real.Runtime.Pipeline;

/// <summary>Something the operator should read on the terminal: a warning, a trip or release, a refusal.</summary>
public sealed record LoopNotice(LoopNoticeKind Kind, DateTimeOffset At, string Message);
