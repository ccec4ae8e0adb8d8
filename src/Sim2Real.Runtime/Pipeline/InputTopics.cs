namespace Sim2Real.Runtime.Pipeline;

/// <summary>The names of the loop's input topics, for messages that say which topic a problem came from.</summary>
public sealed record InputTopics
{
    public string JointStates { get; init; } = "/joint_states";

    public string Image { get; init; } = "/camera/image_raw";

    public string CameraInfo { get; init; } = "/camera/camera_info";

    public string Odometry { get; init; } = "/odom";

    public string FootContacts { get; init; } = "/foot_contacts";

    public string TaskCommand { get; init; } = "/target";

    public string EStop { get; init; } = "/e_stop";

    public string EStopReset { get; init; } = "/e_stop_reset";
}
