namespace Sim2Real.Robotics.Kinematics;

public enum FrameKind
{
    /// <summary>An MJCF site: the end effector, a tool point.</summary>
    Site,

    /// <summary>An MJCF camera: its optical frame looks along -z with +y up, MuJoCo's convention.</summary>
    Camera,
}
