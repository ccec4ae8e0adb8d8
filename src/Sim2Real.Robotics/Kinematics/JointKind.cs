namespace Sim2Real.Robotics.Kinematics;

/// <summary>MJCF joint types the chain supports (MuJoCo's mjtJoint order).</summary>
public enum JointKind
{
    /// <summary>Six degrees of freedom: the floating base of a legged robot, posed from odometry.</summary>
    Free = 0,

    /// <summary>Rotation about an axis through an anchor point.</summary>
    Hinge = 3,

    /// <summary>Translation along an axis.</summary>
    Slide = 2,
}
