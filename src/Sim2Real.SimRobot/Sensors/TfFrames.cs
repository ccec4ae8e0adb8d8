using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Kinematics;
using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Messages.Tf2Msgs;
using Pose = Sim2Real.Robotics.Geometry.Pose;

namespace Sim2Real.SimRobot.Sensors;

/// <summary>
/// What robot_state_publisher computes: each link's transform from its parent, from the joint states through the
/// kinematic chain (Sim2Real.Robotics, no MuJoCo), plus the sites (the end effector) and cameras fixed to links. A
/// fixed base hangs from <c>world</c>; a floating base from <c>odom</c>, placed by the base pose. Each camera also has
/// <c>&lt;camera&gt;_optical_frame</c> (z forward, x right, y down, as image_raw's frame_id says), where the MuJoCo
/// camera looks along -z with y up.
/// </summary>
internal sealed class TfFrames
{
    /// <summary>The MuJoCo camera frame to the ROS optical frame: half a turn about x.</summary>
    private static readonly Pose Optical = new(Vec3.Zero, new Quat(0, 1, 0, 0));

    private readonly ForwardKinematics _kinematics;
    private readonly KinematicChain _chain;
    private readonly Pose[] _links;
    private readonly string _root;

    public TfFrames(RobotSpec spec)
    {
        _chain = spec.Kinematics;
        _kinematics = new ForwardKinematics(_chain, spec.JointNames);
        _links = new Pose[_chain.Links.Count];
        _root = spec.FloatingBase ? "odom" : "world";
    }

    /// <summary>The frame a fixed base hangs from (<c>world</c>) or a floating base's odometry frame (<c>odom</c>).</summary>
    public string Root => _root;

    /// <summary>The frame an image from <paramref name="camera"/> is expressed in.</summary>
    public static string OpticalFrame(string camera) => camera + "_optical_frame";

    /// <summary>Every link, site and camera transform for the given joint positions (spec order) and base pose.</summary>
    public TFMessage Transforms(ReadOnlySpan<double> positions, Pose basePose, Time stamp)
    {
        _kinematics.Solve(positions, basePose, _links);
        var transforms = new List<TransformStamped>(_links.Length + (2 * _chain.Frames.Count));
        for (var i = 0; i < _links.Length; i++)
        {
            var link = _chain.Links[i];
            var parent = link.Parent < 0 ? Pose.Identity : _links[link.Parent];
            transforms.Add(Stamped(stamp, link.Parent < 0 ? _root : _chain.Links[link.Parent].Name, link.Name, Relative(parent, _links[i])));
        }

        foreach (var frame in _chain.Frames)
        {
            var parentName = frame.Link < 0 ? _root : _chain.Links[frame.Link].Name;
            transforms.Add(Stamped(stamp, parentName, frame.Name, frame.Offset));
            if (frame.Kind == FrameKind.Camera)
            {
                transforms.Add(Stamped(stamp, frame.Name, OpticalFrame(frame.Name), Optical));
            }
        }

        return new TFMessage { Transforms = [.. transforms] };
    }

    private static Pose Relative(Pose parent, Pose child)
    {
        var inverse = parent.Orientation.Conjugate;
        return new Pose(inverse.Rotate(child.Position - parent.Position), (inverse * child.Orientation).Normalized());
    }

    private static TransformStamped Stamped(Time stamp, string parent, string child, Pose pose) => new()
    {
        Header = new Header { Stamp = stamp, FrameId = parent },
        ChildFrameId = child,
        Transform = new Transform { Translation = RosConvert.Vector(pose.Position), Rotation = RosConvert.Quaternion(pose.Orientation) },
    };
}
