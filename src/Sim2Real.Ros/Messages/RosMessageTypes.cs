using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Messages.Tf2Msgs;
using Sim2Real.Ros.Messages.TrajectoryMsgs;

namespace Sim2Real.Ros.Messages;

/// <summary>Every ROS 2 message type the project speaks, in one typed registry.</summary>
public static class RosMessageTypes
{
    /// <summary>The user-facing message types (graph-discovery types are internal and not listed).</summary>
    public static IReadOnlyList<RosMessageType> All { get; } =
    [
        RosMessageType<Time>.Instance,
        RosMessageType<BuiltinInterfaces.Duration>.Instance,
        RosMessageType<Header>.Instance,
        RosMessageType<StdMsgs.String>.Instance,
        RosMessageType<Bool>.Instance,
        RosMessageType<Empty>.Instance,
        RosMessageType<MultiArrayDimension>.Instance,
        RosMessageType<MultiArrayLayout>.Instance,
        RosMessageType<Float64MultiArray>.Instance,
        RosMessageType<Image>.Instance,
        RosMessageType<CompressedImage>.Instance,
        RosMessageType<RegionOfInterest>.Instance,
        RosMessageType<CameraInfo>.Instance,
        RosMessageType<JointState>.Instance,
        RosMessageType<Imu>.Instance,
        RosMessageType<Vector3>.Instance,
        RosMessageType<Point>.Instance,
        RosMessageType<Quaternion>.Instance,
        RosMessageType<Pose>.Instance,
        RosMessageType<Twist>.Instance,
        RosMessageType<PoseWithCovariance>.Instance,
        RosMessageType<TwistWithCovariance>.Instance,
        RosMessageType<PointStamped>.Instance,
        RosMessageType<Transform>.Instance,
        RosMessageType<TransformStamped>.Instance,
        RosMessageType<Wrench>.Instance,
        RosMessageType<WrenchStamped>.Instance,
        RosMessageType<Odometry>.Instance,
        RosMessageType<TFMessage>.Instance,
        RosMessageType<Clock>.Instance,
        RosMessageType<JointTrajectoryPoint>.Instance,
        RosMessageType<JointTrajectory>.Instance,
        RosMessageType<KeyValue>.Instance,
        RosMessageType<DiagnosticStatus>.Instance,
        RosMessageType<DiagnosticArray>.Instance,
        RosMessageType<FaultCommand>.Instance,
        RosMessageType<TaskMetrics>.Instance,
        RosMessageType<PolicyTick>.Instance,
        RosMessageType<WatchdogEvent>.Instance,
        RosMessageType<FootContacts>.Instance,
    ];

    public static RosMessageType? Find(RosTypeName name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The registered type, or an error that lists what is known.</summary>
    public static RosMessageType Get(RosTypeName name) => Find(name)
        ?? throw new Core.InvalidConfigException("message type", name.Ros,
            $"not a type this build knows; known: {string.Join(", ", All.Select(t => t.Name.Ros))}");
}
