namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>A /pd_gains message: kp for each joint, then kd for each joint.</summary>
internal sealed record GainsInput(double[] Data) : ServeInput;
