using Sim2Real.Ros.Messages.GeometryMsgs;

namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>A /cmd_vel message: the walking task's velocity command.</summary>
internal sealed record VelocityInput(Twist Twist) : ServeInput;
