namespace Sim2Real.Robotics.Observations;

/// <summary>
/// The layouts of the project's own tasks: proprioception first (joint positions relative to home, joint
/// velocities, previous action), then what the task needs. Unscaled and unclipped, as they have always been trained.
/// </summary>
public static class ObservationLayouts
{
    public static IReadOnlyList<ObservationField> Proprio { get; } =
    [
        new() { Name = "joint_pos", Source = ObservationSource.JointPosition, OffsetHome = true },
        new() { Name = "joint_vel", Source = ObservationSource.JointVelocity },
        new() { Name = "previous_action", Source = ObservationSource.PreviousAction },
    ];

    /// <summary>Arm reach: the target, the end effector (forward kinematics) and their difference, world frame.</summary>
    public static IReadOnlyList<ObservationField> Reach { get; } =
    [
        .. Proprio,
        new() { Name = "target", Source = ObservationSource.TargetPosition },
        new() { Name = "end_effector", Source = ObservationSource.EndEffectorPosition },
        new() { Name = "target_minus_end_effector", Source = ObservationSource.TargetMinusEndEffector },
    ];

    /// <summary>Legged walk: the velocity command and the state estimate of the base.</summary>
    public static IReadOnlyList<ObservationField> Walk { get; } =
    [
        .. Proprio,
        new() { Name = "velocity_command", Source = ObservationSource.VelocityCommand },
        new() { Name = "base_lin_vel", Source = ObservationSource.BaseLinearVelocity },
        new() { Name = "base_ang_vel", Source = ObservationSource.BaseAngularVelocity },
        new() { Name = "projected_gravity", Source = ObservationSource.ProjectedGravity },
        new() { Name = "base_height", Source = ObservationSource.BaseHeight },
    ];

    /// <summary>A simulator-only task: proprioception and the task's own state vector of <paramref name="size"/> values.</summary>
    public static IReadOnlyList<ObservationField> WithTaskState(int size) =>
        [.. Proprio, new() { Name = "task_state", Source = ObservationSource.TaskState, Size = size }];
}
