namespace Sim2Real.Vision.Calibration;

public enum HandEyeSetup
{
    /// <summary>Camera on the gripper, board fixed in the world: solves camera to gripper.</summary>
    EyeInHand,

    /// <summary>Camera fixed in the world, board held by the gripper: solves camera to robot base.</summary>
    EyeToHand,
}
