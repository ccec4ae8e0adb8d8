namespace Sim2Real.Vision.Calibration;

/// <summary>One board image and the gripper pose in the robot base frame when it was taken.</summary>
public sealed record HandEyeView(string ImagePath, RigidTransform GripperInBase);
