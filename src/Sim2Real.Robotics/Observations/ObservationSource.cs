namespace Sim2Real.Robotics.Observations;

/// <summary>
/// Where an observation field's raw values come from. Each source is something a real robot can measure (or, for
/// <see cref="TaskState"/>, something only the simulator knows, which a deployment refuses).
/// </summary>
public enum ObservationSource
{
    /// <summary>Joint positions in spec order, rad (joint_states). Sampled: the newest reading at the policy tick.</summary>
    JointPosition,

    /// <summary>Joint velocities in spec order, rad/s (joint_states). Sampled: the newest reading at the policy tick.</summary>
    JointVelocity,

    /// <summary>The previous policy action, normalized and clamped to [-1, 1]: the one commanded, not the one executed after latency.</summary>
    PreviousAction,

    /// <summary>The reach target, world frame, m (/target). Sampled: the latest task command.</summary>
    TargetPosition,

    /// <summary>The end-effector site position, world frame, m: forward kinematics of the measured joint positions.</summary>
    EndEffectorPosition,

    /// <summary>Target minus end-effector position, m.</summary>
    TargetMinusEndEffector,

    /// <summary>Commanded planar velocity and yaw rate (vx m/s, vy m/s, yaw rate rad/s) (/cmd_vel). The latest task command.</summary>
    VelocityCommand,

    /// <summary>Base linear velocity in the base frame, m/s (odometry's state estimate at the tick).</summary>
    BaseLinearVelocity,

    /// <summary>Base angular velocity in the base frame, rad/s (odometry or the IMU at the tick).</summary>
    BaseAngularVelocity,

    /// <summary>The unit gravity direction in the base frame (from the base orientation).</summary>
    ProjectedGravity,

    /// <summary>Base height above the world origin, m (odometry).</summary>
    BaseHeight,

    /// <summary>Simulator-only task state (e.g. a pushed block's pose). Training only: a deployment refuses a layout with it.</summary>
    TaskState,
}
