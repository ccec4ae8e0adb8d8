namespace Sim2Real.Robotics.Observations;

/// <summary>Facts about each <see cref="ObservationSource"/>: its width and when it is sampled.</summary>
public static class ObservationSources
{
    /// <summary>Values the source yields for a robot with <paramref name="joints"/> actuated joints; -1 for task state (sized by the task).</summary>
    public static int Size(ObservationSource source, int joints) => source switch
    {
        ObservationSource.JointPosition or ObservationSource.JointVelocity or ObservationSource.PreviousAction => joints,
        ObservationSource.BaseHeight => 1,
        ObservationSource.TaskState => -1,
        _ => 3,
    };

    public static SampleTiming Timing(ObservationSource source) => source switch
    {
        ObservationSource.PreviousAction => SampleTiming.PreviousCommand,
        ObservationSource.TargetPosition or ObservationSource.VelocityCommand => SampleTiming.LatestTaskCommand,
        _ => SampleTiming.LatestAtTick,
    };

    /// <summary>Whether the source needs the floating base's odometry.</summary>
    public static bool NeedsOdometry(ObservationSource source) =>
        source is ObservationSource.BaseLinearVelocity or ObservationSource.BaseAngularVelocity
            or ObservationSource.ProjectedGravity or ObservationSource.BaseHeight;

    /// <summary>Whether the source needs forward kinematics of an end-effector site.</summary>
    public static bool NeedsEndEffector(ObservationSource source) =>
        source is ObservationSource.EndEffectorPosition or ObservationSource.TargetMinusEndEffector;

    /// <summary>snake_case name as written in YAML and policy manifests.</summary>
    public static string Name(ObservationSource source) => source switch
    {
        ObservationSource.JointPosition => "joint_position",
        ObservationSource.JointVelocity => "joint_velocity",
        ObservationSource.PreviousAction => "previous_action",
        ObservationSource.TargetPosition => "target_position",
        ObservationSource.EndEffectorPosition => "end_effector_position",
        ObservationSource.TargetMinusEndEffector => "target_minus_end_effector",
        ObservationSource.VelocityCommand => "velocity_command",
        ObservationSource.BaseLinearVelocity => "base_linear_velocity",
        ObservationSource.BaseAngularVelocity => "base_angular_velocity",
        ObservationSource.ProjectedGravity => "projected_gravity",
        ObservationSource.BaseHeight => "base_height",
        ObservationSource.TaskState => "task_state",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static IReadOnlyList<ObservationSource> All { get; } = Enum.GetValues<ObservationSource>();

    public static ObservationSource? Parse(string name) =>
        All.Cast<ObservationSource?>().FirstOrDefault(s => Name(s!.Value) == name);
}
