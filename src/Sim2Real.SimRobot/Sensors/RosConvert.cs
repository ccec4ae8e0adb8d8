using Sim2Real.Robotics.Geometry;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using RosQuaternion = Sim2Real.Ros.Messages.GeometryMsgs.Quaternion;
using RosVector3 = Sim2Real.Ros.Messages.GeometryMsgs.Vector3;

namespace Sim2Real.SimRobot.Sensors;

/// <summary>Geometry and time between the contract's types and ROS messages.</summary>
internal static class RosConvert
{
    public static RosVector3 Vector(Vec3 v) => new() { X = v.X, Y = v.Y, Z = v.Z };

    public static RosQuaternion Quaternion(Quat q) => new() { W = q.W, X = q.X, Y = q.Y, Z = q.Z };

    /// <summary>ROS time from nanoseconds (since the epoch, or since the start of simulated time).</summary>
    public static Time Time(long nanoseconds) => new()
    {
        Sec = checked((int)(nanoseconds / 1_000_000_000)),
        Nanosec = (uint)(nanoseconds % 1_000_000_000),
    };

    public static long Nanoseconds(Time time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return (time.Sec * 1_000_000_000L) + time.Nanosec;
    }
}
