using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>A /sim/fault message.</summary>
internal sealed record FaultInput(FaultCommand Command) : ServeInput;
