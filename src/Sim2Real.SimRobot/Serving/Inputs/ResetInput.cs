namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>A /sim/reset message: start the next episode.</summary>
internal sealed record ResetInput : ServeInput;
