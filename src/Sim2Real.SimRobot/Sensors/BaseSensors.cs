using Sim2Real.Robotics.Geometry;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Environments;

namespace Sim2Real.SimRobot.Sensors;

/// <summary>
/// A legged robot's base: odometry (a perfect state estimator: the free joint's pose and twist), the IMU from the
/// model's accelerometer, gyro and frame-orientation sensors on one site, and foot contacts from its touch sensors.
/// </summary>
internal sealed class BaseSensors
{
    // mjtSensor values (mjmodel.h): the bindings carry no sensor enum.
    private const int Touch = 0;
    private const int Accelerometer = 1;
    private const int Gyro = 3;
    private const int FrameQuat = 24;

    /// <summary>A touch sensor above this normal force (N) counts as ground contact.</summary>
    public const double ContactThresholdN = 1.0;

    private readonly RobotSimulation _sim;
    private readonly int _accelerometer = -1;
    private readonly int _gyro = -1;
    private readonly int _orientation = -1;
    private readonly string _imuFrame = "";
    private readonly int[] _touch;
    private readonly string[] _feet;

    private BaseSensors(RobotSimulation sim, string baseFrame)
    {
        _sim = sim;
        BaseFrame = baseFrame;
        var model = sim.Model;
        var touch = new List<int>();
        var feet = new List<string>();
        for (var s = 0; s < model.nsensor; s++)
        {
            var type = model.sensor_type[s];
            var site = model.Name(MjtObj.mjOBJ_SITE, model.sensor_objid[s]) ?? "";
            switch (type)
            {
                case Touch:
                    touch.Add(model.sensor_adr[s]);
                    feet.Add(site);
                    break;
                case Accelerometer:
                    _accelerometer = model.sensor_adr[s];
                    _imuFrame = site;
                    break;
                case Gyro:
                    _gyro = model.sensor_adr[s];
                    break;
                case FrameQuat:
                    _orientation = model.sensor_adr[s];
                    break;
            }
        }

        _touch = [.. touch];
        _feet = [.. feet];
    }

    /// <summary>The floating base's link, odometry's child frame.</summary>
    public string BaseFrame { get; }

    public bool HasImu => _accelerometer >= 0 && _gyro >= 0 && _orientation >= 0;

    public bool HasContacts => _touch.Length > 0;

    /// <summary>The sensors of a floating-base robot; null for a fixed base.</summary>
    public static BaseSensors? Create(RobotSimulation sim)
    {
        var kinematics = sim.Robot.Spec.Kinematics;
        var free = kinematics.FreeJoint;
        if (free is null)
        {
            return null;
        }

        var link = kinematics.Joints().First(j => j.Joint.Name == free.Name).Link;
        return new BaseSensors(sim, kinematics.Links[link].Name);
    }

    /// <summary>Pose in <c>odom</c> (the world), twist in the base frame, as nav_msgs/Odometry defines them.</summary>
    public Odometry Odometry(Header header, string parentFrame)
    {
        var state = _sim.ReadBase()!.Value;
        var linear = state.Pose.Orientation.InverseRotate(state.LinearVelocityWorld);
        return new Odometry
        {
            Header = header with { FrameId = parentFrame },
            ChildFrameId = BaseFrame,
            Pose = new PoseWithCovariance
            {
                Pose = new Ros.Messages.GeometryMsgs.Pose
                {
                    Position = new Point { X = state.Pose.Position.X, Y = state.Pose.Position.Y, Z = state.Pose.Position.Z },
                    Orientation = RosConvert.Quaternion(state.Pose.Orientation),
                },
            },
            Twist = new TwistWithCovariance
            {
                Twist = new Twist { Linear = RosConvert.Vector(linear), Angular = RosConvert.Vector(state.AngularVelocityBase) },
            },
        };
    }

    public Imu Imu(Header header)
    {
        var data = _sim.Data.sensordata;
        return new Imu
        {
            Header = header with { FrameId = _imuFrame },
            Orientation = RosConvert.Quaternion(new Quat(data[_orientation], data[_orientation + 1], data[_orientation + 2], data[_orientation + 3])),
            AngularVelocity = RosConvert.Vector(Vec3.From(data.Slice(_gyro, 3))),
            LinearAcceleration = RosConvert.Vector(Vec3.From(data.Slice(_accelerometer, 3))),
        };
    }

    public FootContacts Contacts(Header header)
    {
        var data = _sim.Data.sensordata;
        var force = new double[_touch.Length];
        for (var i = 0; i < force.Length; i++)
        {
            force[i] = data[_touch[i]];
        }

        return new FootContacts
        {
            Header = header with { FrameId = BaseFrame },
            Name = _feet,
            InContact = [.. force.Select(f => f > ContactThresholdN)],
            NormalForceN = force,
        };
    }
}
