using Sim2Real.Ros.Messages.TrajectoryMsgs;

namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>A /joint_trajectory_controller/joint_trajectory message.</summary>
internal sealed record TrajectoryInput(JointTrajectory Trajectory) : ServeInput
{
    public override bool IsCommand => true;
}
