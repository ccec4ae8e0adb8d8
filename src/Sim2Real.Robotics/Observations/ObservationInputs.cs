namespace Sim2Real.Robotics.Observations;

/// <summary>
/// Everything a state vector is built from, as measured at one policy tick: arrays in the robot spec's joint order.
/// The simulator fills it from MuJoCo (with its sensor noise); the runtime from joint_states, odometry and the task
/// command topics. Reused between ticks: the builder reads it and keeps nothing.
/// </summary>
public sealed class ObservationInputs
{
    public ObservationInputs(int joints, int taskStateSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(joints, 1);
        JointPositions = new double[joints];
        JointVelocities = new double[joints];
        PreviousAction = new float[joints];
        TaskState = new float[taskStateSize];
    }

    /// <summary>rad, spec order.</summary>
    public double[] JointPositions { get; }

    /// <summary>rad/s, spec order.</summary>
    public double[] JointVelocities { get; }

    /// <summary>The action commanded at the previous tick, clamped to [-1, 1]; zeros at episode start.</summary>
    public float[] PreviousAction { get; }

    /// <summary>The reach target, world frame, m.</summary>
    public double[] Target { get; } = new double[3];

    /// <summary>vx (m/s), vy (m/s), yaw rate (rad/s).</summary>
    public double[] VelocityCommand { get; } = new double[3];

    public BaseState Base { get; set; } = BaseState.AtRest;

    /// <summary>Simulator-only task state (training only).</summary>
    public float[] TaskState { get; }
}
