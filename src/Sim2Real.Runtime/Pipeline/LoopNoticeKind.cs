namespace Sim2Real.Runtime.Pipeline;

public enum LoopNoticeKind
{
    Info,
    Warning,
    Trip,
    Release,
    Refused,
}
