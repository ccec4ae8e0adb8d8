using Sim2Real.Ros;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// Every topic the served robot uses, by its default name as ros2_control's demos and ROS tools name them, resolved
/// through the ROS arguments (namespace, remaps). /tf, /clock and /diagnostics are absolute, as tf2, rclcpp and
/// diagnostic_updater use them; the rest follow the namespace.
/// </summary>
internal sealed class ServeTopics
{
    public const string JointStatesName = "joint_states";
    public const string ForwardCommandsName = "forward_position_controller/commands";
    public const string TrajectoryName = "joint_trajectory_controller/joint_trajectory";
    public const string GainsName = "pd_gains";
    public const string TargetName = "target";
    public const string CmdVelName = "cmd_vel";
    public const string MetricsName = "task/metrics";
    public const string ResetName = "sim/reset";
    public const string FaultName = "sim/fault";
    public const string DiagnosticsName = "/diagnostics";
    public const string ClockName = "/clock";
    public const string TfName = "/tf";
    public const string ImuName = "imu";
    public const string OdomName = "odom";
    public const string FootContactsName = "foot_contacts";

    private readonly RosArguments _ros;
    private readonly string _node;

    public ServeTopics(RosArguments ros, string node)
    {
        _ros = ros;
        _node = node;
    }

    public string JointStates => Resolve(JointStatesName);

    public string ForwardCommands => Resolve(ForwardCommandsName);

    public string Trajectory => Resolve(TrajectoryName);

    public string Gains => Resolve(GainsName);

    public string Target => Resolve(TargetName);

    public string CmdVel => Resolve(CmdVelName);

    public string Metrics => Resolve(MetricsName);

    public string Reset => Resolve(ResetName);

    public string Fault => Resolve(FaultName);

    public string Diagnostics => Resolve(DiagnosticsName);

    public string Clock => Resolve(ClockName);

    public string Tf => Resolve(TfName);

    public string Imu => Resolve(ImuName);

    public string Odom => Resolve(OdomName);

    public string FootContacts => Resolve(FootContactsName);

    public string Image(string camera) => Resolve($"{camera}/image_raw");

    public string Info(string camera) => Resolve($"{camera}/camera_info");

    public string Resolve(string name) => _ros.Resolve(name, _node);
}
