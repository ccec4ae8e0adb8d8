namespace Sim2Real.Robotics.Spec;

/// <summary>What a robot does when a safety rule trips (robot.yaml <c>safe_action.kind</c>).</summary>
public enum SafeActionKind
{
    /// <summary>Position targets held at the last measured pose (optionally reached by decelerating): arms.</summary>
    Hold,

    /// <summary>
    /// PD gains kp 0 and a small kd on every joint (<c>/pd_gains</c>): the joints go limp but damped, and the robot keeps
    /// these gains by itself even if the runtime then goes silent. Legged robots, which fall harder when held rigid.
    /// </summary>
    Damping,

    /// <summary>Position targets moved, at a bounded rate, to a crouch pose near the ground: legged robots on flat ground.</summary>
    Crouch,
}
